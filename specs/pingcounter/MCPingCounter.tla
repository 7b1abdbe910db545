---------------------------- MODULE MCPingCounter ----------------------------
EXTENDS PingCounter, TLC

CONSTANTS n1, n2, n3

\* Nodes are interchangeable: model values under symmetry.
MCNode == {n1, n2, n3}

Symmetry == Permutations(MCNode)
=============================================================================
