---- MODULE Stall ----
\* Without fairness the system may stop at once, so x never reaches 2: a stuttering counterexample.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == \/ x < 2 /\ x' = x + 1
        \/ x = 2 /\ UNCHANGED x
Spec == Init /\ [][Next]_x
Reaches == <>(x = 2)
====
