------------------------------- MODULE MCSwim -------------------------------
(***************************************************************************)
(* The bounded models: members as model values, small incarnations,       *)
(* rounds and seqs (see README.md, "Model checking").                       *)
(***************************************************************************)
EXTENDS Swim, TLC

CONSTANTS n1, n2, n3, n4

Two == {n1, n2}
Three == {n1, n2, n3}
Four == {n1, n2, n3, n4}

\* Safety: incarnations stay small (a member suspected again and again would refute for ever).
\* Members are interchangeable (no joiner, no leaver, no crash).
Symmetry == Permutations(Three)

\* n3 crashes and restarts; n1 and n2 are interchangeable.
PairSymmetry == Permutations({n1, n2})

\* A joiner and a leaver: n1 and n2 start, n3 joins through n1; n2 leaves.
TwoInitial == {n1, n2}

Bounded == \A n \in Member : inc[n] <= MaxInc
=============================================================================
