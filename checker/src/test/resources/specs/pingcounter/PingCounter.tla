---------------------------- MODULE PingCounter ----------------------------
(***************************************************************************)
(* A tiny two-process protocol used to test trace validation.  Each node   *)
(* keeps a counter; it may increment it (Inc), send its value to the other *)
(* node over a FIFO channel (Send), and on delivery raise its counter to   *)
(* the received value (Deliver).  The network may lose the oldest message  *)
(* of a channel (Drop).                                                    *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANTS Node, MaxCount, MaxInFlight

VARIABLES count, chan   \* chan[n]: messages on their way to n, oldest first

vars == <<count, chan>>

Other(n) == CHOOSE m \in Node : m # n
Max(a, b) == IF a >= b THEN a ELSE b

Init == /\ count = [n \in Node |-> 0]
        /\ chan = [n \in Node |-> <<>>]

Inc(n) == /\ count[n] < MaxCount
          /\ count' = [count EXCEPT ![n] = @ + 1]
          /\ UNCHANGED chan

Send(n) == /\ Len(chan[Other(n)]) < MaxInFlight
           /\ chan' = [chan EXCEPT ![Other(n)] = Append(@, [from |-> n, val |-> count[n]])]
           /\ UNCHANGED count

Deliver(n) == /\ chan[n] # <<>>
              /\ count' = [count EXCEPT ![n] = Max(@, Head(chan[n]).val)]
              /\ chan' = [chan EXCEPT ![n] = Tail(@)]

Drop(n) == /\ chan[n] # <<>>
           /\ chan' = [chan EXCEPT ![n] = Tail(@)]
           /\ UNCHANGED count

Next == \E n \in Node : Inc(n) \/ Send(n) \/ Deliver(n) \/ Drop(n)

Spec == Init /\ [][Next]_vars

TypeOK == /\ count \in [Node -> 0..MaxCount]
          /\ \A n \in Node : \A i \in DOMAIN chan[n] : chan[n][i].from # n

\* A message never carries more than its sender's counter: counters only grow.
NotAhead == \A n \in Node : \A i \in DOMAIN chan[n] : chan[n][i].val <= count[chan[n][i].from]

=============================================================================
