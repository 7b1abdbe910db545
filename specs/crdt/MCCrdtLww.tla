------------------------------ MODULE MCCrdtLww ------------------------------
EXTENDS CrdtLww, TLC

CONSTANTS MaxInFlight, MaxLogical

MCNode == {1, 2}

StateConstraint ==
    /\ Cardinality(msgs) <= MaxInFlight
    /\ \A i \in Node : hlc[i][2] <= MaxLogical   \* every send ticks the HLC
=============================================================================
