----------------------------- MODULE MCTwoPhase -----------------------------
(* Model-checking wrapper: the resource managers are interchangeable.      *)
EXTENDS TwoPhase, TLC

Symmetry == Permutations(RM)
=============================================================================
