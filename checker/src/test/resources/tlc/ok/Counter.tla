---- MODULE Counter ----
\* A counter that walks 0..5 up and down: 6 distinct states, 11 generated, depth 6.
EXTENDS Naturals
VARIABLE x
Init == x = 0
Up == x < 5 /\ x' = x + 1
Down == x > 0 /\ x' = x - 1
Next == Up \/ Down
TypeOK == x \in 0..5
====
