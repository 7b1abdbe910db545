------------------------------- MODULE MCCrdt -------------------------------
(* Model-checking wrapper: three replicas, bounded increments and network. *)
EXTENDS Crdt, TLC

CONSTANTS MaxAcked, MaxInFlight, n1, n2, n3

MCNode == {n1, n2, n3}

\* Replicas are interchangeable: explore one state per permutation class.
Symmetry == Permutations(MCNode)

\* Bounds for TLC only; the spec itself is unbounded.
StateConstraint ==
    /\ \A i \in Node : acked[i] <= MaxAcked
    /\ Cardinality(msgs) <= MaxInFlight

\* "Sometimes": a quiescent state after increments at two replicas is reachable. Checked as
\* an invariant that is expected to FAIL (see README).
NeverQuiescentAfterWork ==
    ~(Quiescent /\ Cardinality({i \in Node : acked[i] > 0}) >= 2)
=============================================================================
