---- MODULE Endless ----
\* Two unbounded counters: the state space never ends, so only a timeout stops TLC.
EXTENDS Naturals
VARIABLES a, b
Init == a = 0 /\ b = 0
Next == \/ a' = a + 1 /\ b' = b
        \/ b' = b + 1 /\ a' = a
====
