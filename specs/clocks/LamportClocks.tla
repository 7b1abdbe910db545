--------------------------- MODULE LamportClocks ---------------------------
(***************************************************************************)
(* Lamport's logical clocks (Time, Clocks, and the Ordering of Events in   *)
(* a Distributed System, 1978) and vector clocks (Fidge, Mattern 1988),    *)
(* run side by side by every process.  A process ticks both clocks on      *)
(* every event (a local step, a send, a receive), stamps the messages it   *)
(* sends with both, and on receipt jumps past the stamp: the Lamport clock *)
(* to max(own, stamp) + 1, the vector clock to the pointwise maximum with  *)
(* its own entry then incremented.                                         *)
(*                                                                         *)
(* Properties, for every pair of events e, f that happened:                *)
(*   ClockCondition          e -> f  implies  LC(e) < LC(f)                *)
(*   VectorCharacterisation  e -> f  iff      VC(e) < VC(f)                *)
(* where -> is happens-before: program order and send -> receive of the    *)
(* same message, transitively.  To state them TLC needs -> independently   *)
(* of the clocks under test, so the spec keeps a ghost: past[p], the       *)
(* causal history of p's latest event, built only from program order and   *)
(* from which send each receive consumed.  A causal history contains a     *)
(* prefix of every process's events, so it is kept as the number of        *)
(* events of each process in it; e -> f iff e # f and e's index at its     *)
(* process is at most f.past[e.proc].  history holds every event so far.   *)
(* The algorithm never reads past or history.                              *)
(*                                                                         *)
(* Each process performs at most MaxEvents events of its own (Local or     *)
(* Send: its timer); receives come from the network, which may lose,       *)
(* duplicate and reorder messages (network is the set of messages in      *)
(* flight; a receive may leave a copy behind).  A process may crash and    *)
(* restart: lc, vc and events are persisted at every event, so a restart   *)
(* continues from them.                                                    *)
(*                                                                         *)
(* Flaw "no-merge" (the implementation's --flaw no-merge): a receive ticks *)
(* both clocks without merging the stamp.                                  *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS
    Proc,       \* the processes
    MaxEvents,  \* each process performs at most this many events of its own (Local, Send)
    Flaw        \* "none" or "no-merge"

VARIABLES
    clock,      \* clock[p]: p's Lamport clock (durable)
    vc,         \* vc[p]: p's vector clock (durable)
    events,     \* events[p]: p's own events so far (durable)
    up,         \* up[p]: p is running
    network,    \* messages in flight: [from, to, lc, vc, past]
    past,       \* ghost: past[p][q] = events of q in the causal history of p's latest event
    history     \* ghost: every event so far, [proc, lc, vc, past]

vars == <<clock, vc, events, up, network, past, history>>

Max(a, b) == IF a > b THEN a ELSE b

\* Vector v with p's entry incremented.
Tick(v, p) == [v EXCEPT ![p] = @ + 1]

\* The pointwise maximum of two vectors.
Merge(v, w) == [q \in Proc |-> Max(v[q], w[q])]

Zero == [q \in Proc |-> 0]

Init ==
    /\ clock = [p \in Proc |-> 0]
    /\ vc = [p \in Proc |-> Zero]
    /\ events = [p \in Proc |-> 0]
    /\ up = [p \in Proc |-> TRUE]
    /\ network = {}
    /\ past = [p \in Proc |-> Zero]
    /\ history = {}

\* An event at p with Lamport time c, vector time v and causal history h.
Happen(p, c, v, h) ==
    /\ clock' = [clock EXCEPT ![p] = c]
    /\ vc' = [vc EXCEPT ![p] = v]
    /\ past' = [past EXCEPT ![p] = h]
    /\ history' = history \cup {[proc |-> p, lc |-> c, vc |-> v, past |-> h]}

\* One of p's own events: within its budget.
OwnEvent(p) ==
    /\ up[p]
    /\ events[p] < MaxEvents
    /\ events' = [events EXCEPT ![p] = @ + 1]
    /\ Happen(p, clock[p] + 1, Tick(vc[p], p), Tick(past[p], p))
    /\ UNCHANGED up

\* An internal event: both clocks tick.
Local(p) ==
    /\ OwnEvent(p)
    /\ UNCHANGED network

\* Sending is an event: tick, then stamp the message with the new times.
Send(p, q) ==
    /\ p # q
    /\ OwnEvent(p)
    /\ network' = network \cup {[from |-> p, to |-> q, lc |-> clock[p] + 1,
                                 vc |-> Tick(vc[p], p), past |-> Tick(past[p], p)]}

\* Receiving m at p is an event: the clocks jump past the stamp (the flaw only ticks).  The
\* network is the caller's business (Receive below; the trace spec's delivery).
OnReceive(p, m) ==
    /\ up[p]
    /\ m.to = p
    /\ Happen(p,
              IF Flaw = "no-merge" THEN clock[p] + 1 ELSE Max(clock[p], m.lc) + 1,
              IF Flaw = "no-merge" THEN Tick(vc[p], p) ELSE Tick(Merge(vc[p], m.vc), p),
              Tick(Merge(past[p], m.past), p))
    /\ UNCHANGED <<events, up>>

\* The network hands m over once (it leaves flight) or as a duplicate (a copy stays).
Receive(m) ==
    /\ m \in network
    /\ OnReceive(m.to, m)
    /\ \/ network' = network \ {m}
       \/ network' = network

Drop(m) ==
    /\ m \in network
    /\ network' = network \ {m}
    /\ UNCHANGED <<clock, vc, events, up, past, history>>

\* Nothing is volatile: the clocks and the event count are persisted at every event.
Crash(p) ==
    /\ up[p]
    /\ up' = [up EXCEPT ![p] = FALSE]
    /\ UNCHANGED <<clock, vc, events, network, past, history>>

Restart(p) ==
    /\ ~up[p]
    /\ up' = [up EXCEPT ![p] = TRUE]
    /\ UNCHANGED <<clock, vc, events, network, past, history>>

Next ==
    \/ \E p \in Proc : Local(p) \/ Crash(p) \/ Restart(p)
    \/ \E p, q \in Proc : Send(p, q)
    \/ \E m \in network : Receive(m) \/ Drop(m)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
TypeOK ==
    /\ clock \in [Proc -> Nat]
    /\ vc \in [Proc -> [Proc -> Nat]]
    /\ events \in [Proc -> 0 .. MaxEvents]
    /\ up \in [Proc -> BOOLEAN]
    /\ past \in [Proc -> [Proc -> Nat]]
    /\ \A m \in network : m.from \in Proc /\ m.to \in Proc /\ m.lc \in Nat

\* e happened before f (from the ghost causal histories, never from the clocks under test).
HappenedBefore(e, f) == e # f /\ e.past[e.proc] <= f.past[e.proc]

\* v < w for vector clocks: no entry larger, and not equal.
VCLess(v, w) == v # w /\ \A q \in Proc : v[q] <= w[q]

\* Lamport's clock condition.
ClockCondition == \A e, f \in history : HappenedBefore(e, f) => e.lc < f.lc

\* Vector clocks characterise happens-before exactly.
VectorCharacterisation ==
    \A e, f \in history : HappenedBefore(e, f) <=> VCLess(e.vc, f.vc)

\* A process's clocks are those of its latest event (a restart included).
ClockIsLatest ==
    \A e \in history : e.lc <= clock[e.proc] /\ \A q \in Proc : e.vc[q] <= vc[e.proc][q]
=============================================================================
