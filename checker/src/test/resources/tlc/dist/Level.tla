---- MODULE Level ----
\* Uses TLCGet, which distributed TLC does not support.
EXTENDS Naturals, TLC
VARIABLE x
Init == x = 0
Next == x < 3 /\ x' = x + 1
Bounded == TLCGet("level") < 100
====
