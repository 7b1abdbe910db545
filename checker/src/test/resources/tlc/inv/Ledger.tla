---- MODULE Ledger ----
\* Three steps of bookkeeping over values of every printed shape; the invariant fails at step 4.
EXTENDS Integers, Sequences, TLC
VARIABLES n, log, meta
Init == /\ n = 0
        /\ log = <<>>
        /\ meta = [owner |-> "a\"b\\c", tags |-> {}, balance |-> -1, map |-> (1 :> "x" @@ 3 :> "y"), ok |-> TRUE]
Step == /\ n < 3
        /\ n' = n + 1
        /\ log' = Append(log, [i |-> n, s |-> {n, -n}])
        /\ meta' = [meta EXCEPT !.balance = @ - 1, !.tags = @ \cup {n}]
Next == Step
Small == n < 3
====
