---- MODULE Oops ----
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x < 3 /\ x' = x + 1
Bad == x = 2 => x + "one" = 3
====
