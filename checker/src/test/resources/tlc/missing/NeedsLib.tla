---- MODULE NeedsLib ----
EXTENDS Naturals, Helpers
VARIABLE x
Init == x = Zero
Next == x' = x
====
