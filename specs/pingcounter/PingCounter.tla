----------------------------- MODULE PingCounter -----------------------------
(***************************************************************************)
(* PingCounter, the worked example of docs/adding-an-algorithm.md.        *)
(*                                                                         *)
(* Every node keeps a counter.  It may increment it (Inc, up to MaxCount)  *)
(* and tell another node its value (Send); a node that receives a value    *)
(* raises its own counter to it (Receive).  The network may lose,          *)
(* duplicate and reorder messages: msgs is every message ever sent, and    *)
(* any of them may be received, any number of times, or never.  A node    *)
(* may crash and restart; its counter is persisted before anything that   *)
(* depends on it is sent, so a restart brings back exactly the counter it  *)
(* had.                                                                    *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS Node, MaxCount

VARIABLES count,   \* count[n]: n's counter (durable)
          up,      \* up[n]: n is running
          msgs     \* every message sent so far: [from, to, val]

vars == <<count, up, msgs>>

Msg == [from : Node, to : Node, val : 0 .. MaxCount]

Max(a, b) == IF a >= b THEN a ELSE b

Init == /\ count = [n \in Node |-> 0]
        /\ up = [n \in Node |-> TRUE]
        /\ msgs = {}

Inc(n) == /\ up[n]
          /\ count[n] < MaxCount
          /\ count' = [count EXCEPT ![n] = @ + 1]
          /\ UNCHANGED <<up, msgs>>

Send(n, m) == /\ up[n]
              /\ m # n
              /\ msgs' = msgs \cup {[from |-> n, to |-> m, val |-> count[n]]}
              /\ UNCHANGED <<count, up>>

Receive(n, msg) == /\ up[n]
                   /\ msg \in msgs
                   /\ msg.to = n
                   /\ count' = [count EXCEPT ![n] = Max(@, msg.val)]
                   /\ UNCHANGED <<up, msgs>>

Crash(n) == /\ up[n]
            /\ up' = [up EXCEPT ![n] = FALSE]
            /\ UNCHANGED <<count, msgs>>

\* The counter survives: it was persisted before anything depending on it was sent.
Restart(n) == /\ ~up[n]
              /\ up' = [up EXCEPT ![n] = TRUE]
              /\ UNCHANGED <<count, msgs>>

Next == \E n \in Node : \/ Inc(n)
                        \/ \E m \in Node : Send(n, m)
                        \/ \E msg \in msgs : Receive(n, msg)
                        \/ Crash(n)
                        \/ Restart(n)

Spec == Init /\ [][Next]_vars

TypeOK == /\ count \in [Node -> 0 .. MaxCount]
          /\ up \in [Node -> BOOLEAN]
          /\ msgs \subseteq Msg

\* No message carries more than its sender's counter: counters never go down, restarts included.
NotAhead == \A msg \in msgs : msg.val <= count[msg.from]

=============================================================================
