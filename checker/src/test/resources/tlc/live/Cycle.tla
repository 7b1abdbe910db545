---- MODULE Cycle ----
\* x cycles 0 -> 1 -> 2 -> 0 forever, so it never settles at 7: a lasso counterexample.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = (x + 1) % 3
Spec == Init /\ [][Next]_x /\ WF_x(Next)
Settles == <>[](x = 7)
====
