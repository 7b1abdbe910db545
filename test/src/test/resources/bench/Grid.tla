---- MODULE Grid ----
\* A walk on a K^4 grid: (K+1)^4 distinct states of plain integers. Only its size matters: it is
\* the benchmark model for TLC overhead (>= 10 s with one worker).
EXTENDS Naturals
CONSTANT K
VARIABLES a, b, c, d
vars == <<a, b, c, d>>
Init == a = 0 /\ b = 0 /\ c = 0 /\ d = 0
Up(v) == v < K /\ v' = v + 1
Next == \/ Up(a) /\ UNCHANGED <<b, c, d>>
        \/ Up(b) /\ UNCHANGED <<a, c, d>>
        \/ Up(c) /\ UNCHANGED <<a, b, d>>
        \/ Up(d) /\ UNCHANGED <<a, b, c>>
        \/ a = K /\ b = K /\ c = K /\ d = K /\ UNCHANGED vars
InGrid == a <= K /\ b <= K /\ c <= K /\ d <= K
====
