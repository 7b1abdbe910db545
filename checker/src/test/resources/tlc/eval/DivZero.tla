---- MODULE DivZero ----
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x < 3 /\ x' = x + 1
  Quotient == x \div (2 - x) >= 0
====
