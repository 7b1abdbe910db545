--------------------------- MODULE LamportClocks ---------------------------
(***************************************************************************)
(* Lamport's logical clocks (Time, Clocks, and the Ordering of Events in   *)
(* a Distributed System, 1978). Each process keeps a counter; it ticks on  *)
(* every event, stamps the messages it sends, and on receipt jumps past    *)
(* the stamp. The clock condition says: if event e happened before event f *)
(* then C(e) < C(f).                                                       *)
(*                                                                         *)
(* To state that condition TLC needs happens-before itself, so the spec    *)
(* carries ghost vector clocks (vc) and the set of events that happened    *)
(* (history); neither influences the algorithm.                           *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS
    Proc,       \* the processes
    MaxEvents   \* each process performs at most this many events (keeps the model finite)

VARIABLES
    clock,      \* clock[p]: p's Lamport clock
    network,    \* messages in flight: [from, to, ts, vc]
    vc,         \* ghost: vc[p] is p's vector clock
    history     \* ghost: every event so far, [proc, lc, vc]

vars == <<clock, network, vc, history>>

Max(a, b) == IF a > b THEN a ELSE b

Budget(p) == vc[p][p] < MaxEvents

\* Performs an event at p with Lamport time c and vector time v.
Happen(p, c, v) ==
    /\ clock' = [clock EXCEPT ![p] = c]
    /\ vc' = [vc EXCEPT ![p] = v]
    /\ history' = history \cup {[proc |-> p, lc |-> c, vc |-> v]}

Ticked(p) == [vc[p] EXCEPT ![p] = @ + 1]

Init ==
    /\ clock = [p \in Proc |-> 0]
    /\ network = {}
    /\ vc = [p \in Proc |-> [q \in Proc |-> 0]]
    /\ history = {}

\* An internal event: the clock ticks.
Local(p) ==
    /\ Budget(p)
    /\ Happen(p, clock[p] + 1, Ticked(p))
    /\ UNCHANGED network

\* Sending is an event: tick, then stamp the message with the new time.
Send(p, q) ==
    /\ p # q
    /\ Budget(p)
    /\ Happen(p, clock[p] + 1, Ticked(p))
    /\ network' = network \cup {[from |-> p, to |-> q, ts |-> clock[p] + 1, vc |-> Ticked(p)]}

\* Receiving is an event: the clock jumps past both its own value and the stamp.
Receive(m) ==
    /\ Budget(m.to)
    /\ Happen(m.to, Max(clock[m.to], m.ts) + 1,
              [q \in Proc |-> IF q = m.to THEN vc[m.to][q] + 1 ELSE Max(vc[m.to][q], m.vc[q])])
    /\ network' = network \ {m}

\* Every process has used its budget: the run is over (not a deadlock).
Done ==
    /\ \A p \in Proc : ~Budget(p)
    /\ UNCHANGED vars

Next ==
    \/ \E p \in Proc : Local(p)
    \/ \E p, q \in Proc : Send(p, q)
    \/ \E m \in network : Receive(m)
    \/ Done

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
TypeOK ==
    /\ clock \in [Proc -> Nat]
    /\ vc \in [Proc -> [Proc -> Nat]]
    /\ \A m \in network : m.from \in Proc /\ m.to \in Proc /\ m.ts \in Nat

\* e happened before f: f's vector clock dominates e's.
HappenedBefore(e, f) == e # f /\ \A q \in Proc : e.vc[q] <= f.vc[q]

\* Lamport's clock condition.
ClockCondition == \A e, f \in history : HappenedBefore(e, f) => e.lc < f.lc

\* A process's clock is the time of its latest event.
ClockIsLatest == \A e \in history : e.lc <= clock[e.proc]
=============================================================================
