------------------------------- MODULE GCounter -------------------------------
(* A grow-only counter: replica r increments its own slot; a merge takes the pointwise maximum. *)
EXTENDS Naturals
CONSTANT Replicas
VARIABLE counts

Init == counts = [r \in Replicas |-> [s \in Replicas |-> 0]]

Increment(r) == counts' = [counts EXCEPT ![r][r] = @ + 1]

Max(a, b) == IF a > b THEN a ELSE b

Merge(r, s) ==
    /\ r # s
    /\ counts' = [counts EXCEPT ![r] = [k \in Replicas |-> Max(counts[r][k], counts[s][k])]]

Next == \E r \in Replicas : Increment(r) \/ \E s \in Replicas : Merge(r, s)
===============================================================================
