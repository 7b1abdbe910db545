------------------------------- MODULE MCPBFT -------------------------------
(***************************************************************************)
(* Model-checking wrapper for PBFT: the bounds are the constants (views,   *)
(* seqs, requests); requests are model values, symmetric.                  *)
(***************************************************************************)
EXTENDS PBFT

\* Requests are interchangeable (the null request is not a model value and stays fixed).
Symmetry == Permutations(Requests)
=============================================================================
