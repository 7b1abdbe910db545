---- MODULE Grid ----
\* Two counters climbing to N and one walking 0..9 up and down: 10 * (N+1)^2 distinct states,
\* enough for both workers of a distributed run to take part.
EXTENDS Naturals
CONSTANT N
VARIABLES a, b, c
Init == a = 0 /\ b = 0 /\ c = 0
Next == \/ a < N /\ a' = a + 1 /\ UNCHANGED <<b, c>>
        \/ b < N /\ b' = b + 1 /\ UNCHANGED <<a, c>>
        \/ c < 9 /\ c' = c + 1 /\ UNCHANGED <<a, b>>
        \/ c > 0 /\ c' = c - 1 /\ UNCHANGED <<a, b>>
TypeOK == a \in 0..N /\ b \in 0..N /\ c \in 0..9
Balanced == a + b < 20
====
