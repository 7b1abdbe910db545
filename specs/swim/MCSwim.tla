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

\* Joiners: n1 (and n2) start, the others join through n1.
OneInitial == {n1}
TwoInitial == {n1, n2}

Bounded == \A n \in Member : inc[n] <= MaxInc

\* With a joiner: besides, at most one Join and one JoinAck in flight (a joiner retries every
\* period; more copies of the same request add no new behaviour, only states).
BoundedJoin ==
    /\ Bounded
    /\ Cardinality({m \in network : m.type = "Join"}) <= 1
    /\ Cardinality({m \in network : m.type = "JoinAck"}) <= 1
=============================================================================
