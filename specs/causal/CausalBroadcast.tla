--------------------------- MODULE CausalBroadcast ---------------------------
(***************************************************************************)
(* Causal broadcast over a lossy, duplicating, reordering network, with    *)
(* acknowledgements, retransmission, relays and crash/restart (Birman,     *)
(* Schiper, Stephenson 1991; Cachin, Guerraoui, Rodrigues, ch. 3).         *)
(*                                                                         *)
(* Server n broadcasts values (origin n, seq 1, 2, ..., Count[n]), each      *)
(* stamped with deps: the values n had delivered from every server when it *)
(* broadcast (own entry seq - 1).  A value waits in the hold-back queue    *)
(* until it is deliverable: seq = delivered[origin] + 1 and, for every     *)
(* other server q, deps[q] <= delivered[q].  On delivery a server relays   *)
(* the value (original deps) to every server but itself, the origin and    *)
(* the server it got the value from, keeps each copy unacknowledged until  *)
(* the destination acknowledges it, and acknowledges the value to the      *)
(* server it got it from.  A duplicate of a delivered value is acknowledged *)
(* again; a duplicate of a held one is ignored (it is acknowledged when    *)
(* delivered).  Unacknowledged values are retransmitted.                   *)
(*                                                                         *)
(* Durable: nextSeq, delivered and own (the values a server broadcast).   *)
(* Volatile: the hold-back queue and the unacknowledged copies.  A restart *)
(* puts every own value back as unacknowledged by every other server.     *)
(* A handler is atomic with respect to crashes: a server does not crash    *)
(* while it holds a deliverable value (it delivers it in the same handler).*)
(*                                                                         *)
(* The network is the set of messages in flight: a receive takes one out   *)
(* or leaves it (a duplicate), any may be lost, any order.                 *)
(*                                                                         *)
(* Ghosts, never read by the algorithm: dlog[n], the values n delivered in *)
(* order; bpast[o][s], the true causal past of broadcast (o, s) (per       *)
(* server q, the highest seq of q's broadcasts that happened before it,    *)
(* from the deliveries at o before it), independent of the deps under    *)
(* test.                                                                   *)
(*                                                                         *)
(* Flaws (the implementation's --flaw): "fifo-only" (deliver as soon as    *)
(* seq = delivered[origin] + 1), "no-relay" (only origins send values),    *)
(* "no-retransmit".                                                        *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Node,       \* the servers
    Count,      \* Count[n]: server n broadcasts this many values
    None,       \* not a server: the sender of a server's own value
    Flaw        \* "none", "fifo-only", "no-relay" or "no-retransmit"

ASSUME None \notin Node

VARIABLES
    nextSeq,    \* nextSeq[n]: seq of n's next broadcast (durable)
    delivered,  \* delivered[n][o]: values of o delivered at n (durable)
    own,        \* own[n]: the values n broadcast, in order (durable)
    held,       \* held[n]: the hold-back queue, [data, from] (volatile)
    unacked,    \* unacked[n]: copies sent and not acknowledged, [to, data] (volatile)
    up,         \* up[n]: n is running
    network,    \* messages in flight
    dlog,       \* ghost: dlog[n], the values n delivered, [origin, seq], in order
    bpast       \* ghost: bpast[o][s], the causal past of broadcast (o, s), a vector

vars == <<nextSeq, delivered, own, held, unacked, up, network, dlog, bpast>>

Max(a, b) == IF a > b THEN a ELSE b
Zero == [q \in Node |-> 0]
Merge(v, w) == [q \in Node |-> Max(v[q], w[q])]
Range(s) == {s[i] : i \in DOMAIN s}

\* Messages.  data: [origin, seq, value, deps].
DataMsg(from, to, d) == [type |-> "Data", from |-> from, to |-> to, data |-> d]
AckMsg(from, to, d) == [type |-> "Ack", from |-> from, to |-> to, origin |-> d.origin, seq |-> d.seq]

Init ==
    /\ nextSeq = [n \in Node |-> 1]
    /\ delivered = [n \in Node |-> Zero]
    /\ own = [n \in Node |-> <<>>]
    /\ held = [n \in Node |-> {}]
    /\ unacked = [n \in Node |-> {}]
    /\ up = [n \in Node |-> TRUE]
    /\ network = {}
    /\ dlog = [n \in Node |-> <<>>]
    /\ bpast = [n \in Node |-> <<>>]

Deliverable(n, d) ==
    /\ d.seq = delivered[n][d.origin] + 1
    /\ Flaw = "fifo-only" \/ \A q \in Node \ {d.origin} : d.deps[q] <= delivered[n][q]

\* The true causal past of n's next broadcast: every value n delivered and its causal past.
TruePast(n) ==
    LET vs == {[q \in Node |-> IF q = x.origin THEN x.seq ELSE bpast[x.origin][x.seq][q]]
                : x \in Range(dlog[n])}
    IN [q \in Node |-> IF vs = {} THEN 0 ELSE Max(0, CHOOSE k \in {v[q] : v \in vs} :
                                                      \A v \in vs : v[q] <= k)]

\* n broadcasts value v: it goes into n's own hold-back queue (Deliver follows at once).
Broadcast(n, v) ==
    LET d == [origin |-> n, seq |-> nextSeq[n], value |-> v, deps |-> delivered[n]]
    IN /\ up[n]
       /\ nextSeq[n] <= Count[n]
       /\ nextSeq' = [nextSeq EXCEPT ![n] = @ + 1]
       /\ own' = [own EXCEPT ![n] = Append(@, d)]
       /\ held' = [held EXCEPT ![n] = @ \cup {[data |-> d, from |-> None]}]
       /\ bpast' = [bpast EXCEPT ![n] = Append(@, TruePast(n))]
       /\ UNCHANGED <<delivered, unacked, up, network, dlog>>

\* n delivers held value h: relays it, keeps the copies unacknowledged, acknowledges it.
Deliver(n, h) ==
    LET d == h.data
        to == IF d.origin = n \/ Flaw # "no-relay" THEN Node \ {n, d.origin, h.from} ELSE {}
    IN /\ up[n]
       /\ h \in held[n]
       /\ Deliverable(n, d)
       /\ delivered' = [delivered EXCEPT ![n][d.origin] = d.seq]
       /\ dlog' = [dlog EXCEPT ![n] = Append(@, [origin |-> d.origin, seq |-> d.seq])]
       /\ held' = [held EXCEPT ![n] = @ \ {h}]
       /\ unacked' = [unacked EXCEPT ![n] = @ \cup {[to |-> t, data |-> d] : t \in to}]
       /\ network' = network \cup {DataMsg(n, t, d) : t \in to}
                             \cup (IF h.from = None THEN {} ELSE {AckMsg(n, h.from, d)})
       /\ UNCHANGED <<nextSeq, own, up, bpast>>

IsHeld(n, d) == \E h \in held[n] : h.data.origin = d.origin /\ h.data.seq = d.seq

\* n handles Data m; base is the network after the receipt (the caller's: m taken out or not).
OnData(n, m, base) ==
    /\ up[n]
    /\ m.to = n
    /\ m.type = "Data"
    /\ IF m.data.seq <= delivered[n][m.data.origin]
       THEN /\ network' = base \cup {AckMsg(n, m.from, m.data)}
            /\ UNCHANGED held
       ELSE /\ network' = base
            /\ held' = IF IsHeld(n, m.data) THEN held
                       ELSE [held EXCEPT ![n] = @ \cup {[data |-> m.data, from |-> m.from]}]
    /\ UNCHANGED <<nextSeq, delivered, own, unacked, up, dlog, bpast>>

\* n handles Ack m: the copy it acknowledges is no longer retransmitted.
OnAck(n, m, base) ==
    /\ up[n]
    /\ m.to = n
    /\ m.type = "Ack"
    /\ unacked' = [unacked EXCEPT ![n] =
                     {u \in @ : ~(u.to = m.from /\ u.data.origin = m.origin /\ u.data.seq = m.seq)}]
    /\ network' = base
    /\ UNCHANGED <<nextSeq, delivered, own, held, up, dlog, bpast>>

\* The network hands m over once or as a duplicate (a copy stays in flight).
Receive(m) ==
    \E base \in {network \ {m}, network} :
        IF m.type = "Data" THEN OnData(m.to, m, base) ELSE OnAck(m.to, m, base)

\* n may send the unacknowledged copies S again.
MayRetransmit(n, S) ==
    /\ up[n]
    /\ Flaw # "no-retransmit"
    /\ S # {}
    /\ S \subseteq unacked[n]

Retransmit(n, S) ==
    /\ MayRetransmit(n, S)
    /\ network' = network \cup {DataMsg(n, u.to, u.data) : u \in S}
    /\ UNCHANGED <<nextSeq, delivered, own, held, unacked, up, dlog, bpast>>

Drop(m) ==
    /\ network' = network \ {m}
    /\ UNCHANGED <<nextSeq, delivered, own, held, unacked, up, dlog, bpast>>

\* Between handlers only: a server never holds a deliverable value when it crashes.
Crash(n) ==
    /\ up[n]
    /\ \A h \in held[n] : ~Deliverable(n, h.data)
    /\ up' = [up EXCEPT ![n] = FALSE]
    /\ held' = [held EXCEPT ![n] = {}]
    /\ unacked' = [unacked EXCEPT ![n] = {}]
    /\ UNCHANGED <<nextSeq, delivered, own, network, dlog, bpast>>

\* Every own value is unacknowledged by every other server again.
Restart(n) ==
    /\ ~up[n]
    /\ up' = [up EXCEPT ![n] = TRUE]
    /\ unacked' = [unacked EXCEPT ![n] = {[to |-> t, data |-> d] : t \in Node \ {n}, d \in Range(own[n])}]
    /\ UNCHANGED <<nextSeq, delivered, own, held, network, dlog, bpast>>

\* The value of broadcast (n, s) in the model (the trace spec takes the recorded one).
ValueOf(n, s) == <<n, s>>

Next ==
    \/ \E n \in Node : \/ Broadcast(n, ValueOf(n, nextSeq[n]))
                       \/ \E h \in held[n] : Deliver(n, h)
                       \/ Retransmit(n, unacked[n])
                       \/ Crash(n)
                       \/ Restart(n)
    \/ \E m \in network : Receive(m) \/ Drop(m)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Safety *)

TypeOK ==
    /\ \A n \in Node : nextSeq[n] \in 1 .. Count[n] + 1
    /\ \A n, o \in Node : delivered[n][o] \in 0 .. Count[o]
    /\ \A n \in Node : Len(own[n]) = nextSeq[n] - 1
    /\ up \in [Node -> BOOLEAN]
    /\ \A n \in Node : \A h \in held[n] : h.from \in Node \cup {None}
    /\ \A n \in Node : \A u \in unacked[n] : u.to \in Node \ {n}
    /\ \A m \in network : m.type \in {"Data", "Ack"} /\ m.from \in Node /\ m.to \in Node

\* The entries of dlog[n] before position i.
Before(n, i) == {dlog[n][j] : j \in 1 .. i - 1}

\* If broadcast b1 happened before broadcast b2, every server delivers b1 before b2.
CausalDelivery ==
    \A n \in Node : \A i \in 1 .. Len(dlog[n]) :
        LET x == dlog[n][i]
        IN \A q \in Node : \A s \in 1 .. bpast[x.origin][x.seq][q] :
               [origin |-> q, seq |-> s] \in Before(n, i)

\* No server delivers a value twice.
NoDuplication ==
    \A n \in Node : \A i, j \in 1 .. Len(dlog[n]) : i < j => dlog[n][i] # dlog[n][j]

\* Every delivered value was broadcast, and every value in the hold-back queue or in flight is
\* the one its origin broadcast under that seq.
WasBroadcast(d) == d.seq \in 1 .. Len(own[d.origin]) /\ own[d.origin][d.seq] = d
NoCreation ==
    /\ \A n \in Node : \A x \in Range(dlog[n]) : x.seq \in 1 .. Len(own[x.origin])
    /\ \A n \in Node : \A h \in held[n] : WasBroadcast(h.data)
    /\ \A m \in network : m.type = "Data" => WasBroadcast(m.data)

\* Each server delivers each origin's values in the order of their seq, none skipped.
FifoDelivery ==
    \A n \in Node : \A i \in 1 .. Len(dlog[n]) :
        dlog[n][i].seq = Cardinality({j \in 1 .. i : dlog[n][j].origin = dlog[n][i].origin})

\* The durable counts are the deliveries.
DeliveredIsLog ==
    \A n, o \in Node : delivered[n][o] = Cardinality({j \in DOMAIN dlog[n] : dlog[n][j].origin = o})

-----------------------------------------------------------------------------
(* Liveness.  Correct: servers that never crash.  A correct server         *)
(* broadcasts, delivers and retransmits when it can (weak fairness); a    *)
(* Data value sent again and again to a correct server is received        *)
(* eventually (strong fairness per destination and value: fair-lossy       *)
(* links).  Servers outside Correct may crash and restart at any time.     *)

CONSTANT Correct

LiveNext ==
    \/ \E n \in Node : \/ Broadcast(n, ValueOf(n, nextSeq[n]))
                       \/ \E h \in held[n] : Deliver(n, h)
                       \/ Retransmit(n, unacked[n])
    \/ \E n \in Node \ Correct : Crash(n) \/ Restart(n)
    \/ \E m \in network : Receive(m) \/ Drop(m)

ReceiveValue(n, o, s) ==
    \E m \in network : m.type = "Data" /\ m.to = n /\ m.data.origin = o /\ m.data.seq = s
                       /\ Receive(m)

Fairness ==
    /\ \A n \in Correct :
          /\ WF_vars(Broadcast(n, ValueOf(n, nextSeq[n])))
          /\ WF_vars(\E h \in held[n] : Deliver(n, h))
          /\ WF_vars(Retransmit(n, unacked[n]))
    /\ \A n \in Correct, o \in Node : \A s \in 1 .. Count[o] : SF_vars(ReceiveValue(n, o, s))

LiveSpec == Init /\ [][LiveNext]_vars /\ Fairness

\* Every value broadcast by a correct server is delivered by every correct server.
EventualDelivery ==
    \A o \in Correct : \A s \in 1 .. Count[o] :
        (nextSeq[o] > s) ~> (\A n \in Correct : delivered[n][o] >= s)

\* Every value a correct server delivered is delivered by every correct server.
EventualAgreement ==
    \A n \in Correct, o \in Node : \A s \in 1 .. Count[o] :
        (delivered[n][o] >= s) ~> (\A c \in Correct : delivered[c][o] >= s)
=============================================================================
