------------------------- MODULE TraceCausalBroadcast -------------------------
(***************************************************************************)
(* Trace spec of causal broadcast (impl/.../algorithms/broadcast,          *)
(* algorithm "causal"): an NDJSON trace is a behaviour of CausalBroadcast  *)
(* under its own header.                                                   *)
(*                                                                         *)
(*  - The header binds the trace: the servers are its servers, Count      *)
(*    params.options.count for each; the algorithm is the correct one.     *)
(*  - The network is TraceNet's, by message identity.  An action puts the  *)
(*    messages it makes into network, which here is the node's outbox;    *)
(*    each send event takes one of them out, or is a retransmission of a  *)
(*    copy the node holds unacknowledged.  A node starts no handler        *)
(*    (deliver, timer, crash) while its outbox is not empty.  A deliver    *)
(*    makes the message the node's pending delivery, which Receive (Data)  *)
(*    or HandleAck (Ack) consumes.                                         *)
(*  - Every action's recorded state {nextSeq, delivered, held} is the     *)
(*    spec's after it (held: the size of the hold-back queue); Broadcast  *)
(*    and Deliver also name the value (origin, seq, value).  A restart's  *)
(*    state is the persisted {nextSeq, delivered, own}: exactly the        *)
(*    node's.                                                              *)
(*                                                                         *)
(*   trace event                          spec action                      *)
(*   timer (any name)                     (network only)                   *)
(*   action Broadcast {origin, seq, ...}  Broadcast(n, value)              *)
(*   action Deliver {origin, seq, ...}    Deliver(n, the held value)       *)
(*   deliver Data / action Receive        OnData(n, the delivered Data)    *)
(*   deliver Ack / action HandleAck       OnAck(n, the delivered Ack)      *)
(*   send Data / Ack                      (outbox -> network), or          *)
(*                                        Retransmit(n, {the copy})        *)
(*   crash / restart {nextSeq, ...}       Crash(n) / Restart(n)            *)
(*   drop, duplicate, fault               (network only)                   *)
(***************************************************************************)
EXTENDS CausalBroadcast, TraceNet

----------------------------------------------------------------------------
(* The header *)

TraceOptions == Param("options", [x \in {} |-> ""])

\* The header's count option, a string: the number it spells, for every server.
TraceCount ==
    LET k == CHOOSE k \in 0 .. 1000 : ToString(k) = Get(TraceOptions, "count", "?")
    IN [n \in TraceServers |-> k]

----------------------------------------------------------------------------
(* Values *)

\* A recorded vector {"<node>": n}: exactly one natural per server.
VecOk(r) == DOMAIN r = {ToString(q) : q \in Node} /\ \A q \in Node : r[ToString(q)] \in Nat

Vec(r) == [q \in Node |-> r[ToString(q)]]

DataOk(b) == DOMAIN b = {"origin", "seq", "value", "deps"} /\ VecOk(b.deps)

SpecData(b) == [origin |-> b.origin, seq |-> b.seq, value |-> b.value, deps |-> Vec(b.deps)]

\* The spec message a trace message stands for.
SpecMsg(m) ==
    IF m.type = "Data"
    THEN DataMsg(m.from, m.to, SpecData(m.body))
    ELSE [type |-> "Ack", from |-> m.from, to |-> m.to, origin |-> m.body.origin, seq |-> m.body.seq]

MsgOk(m) ==
    \/ m.type = "Data" /\ DataOk(m.body)
    \/ m.type = "Ack" /\ DOMAIN m.body = {"origin", "seq"}

StateIs(e) ==
    /\ VecOk(e.state.delivered)
    /\ nextSeq'[e.node] = e.state.nextSeq
    /\ delivered'[e.node] = Vec(e.state.delivered)
    /\ Cardinality(held'[e.node]) = e.state.held

\* The value a Broadcast or Deliver names.
Names(e, d) == d.origin = e.state.origin /\ d.seq = e.state.seq /\ d.value = e.state.value

\* Node n has sent every message its recorded actions made.
NoneFrom(n) == \A m \in network : m.from # n

Consumes(e, t) ==
    /\ Pending(e.node) # NoMsg
    /\ Pending(e.node).type = t
    /\ MsgOk(Pending(e.node))
    /\ NetConsume(e.node)

----------------------------------------------------------------------------
(* Actions *)

IsBroadcast(e) ==
    /\ IsAction(e, "Broadcast")
    /\ NetAct(e)
    /\ e.state.origin = e.node
    /\ e.state.seq = nextSeq[e.node]
    /\ Broadcast(e.node, e.state.value)
    /\ StateIs(e)
    /\ TraceStep

IsDeliverAction(e) ==
    /\ IsAction(e, "Deliver")
    /\ NetAct(e)
    /\ \E h \in held[e.node] : Names(e, h.data) /\ Deliver(e.node, h)
    /\ StateIs(e)
    /\ TraceStep

IsReceive(e) ==
    /\ IsAction(e, "Receive")
    /\ Consumes(e, "Data")
    /\ OnData(e.node, SpecMsg(Pending(e.node)), network)
    /\ StateIs(e)
    /\ TraceStep

IsHandleAck(e) ==
    /\ IsAction(e, "HandleAck")
    /\ Consumes(e, "Ack")
    /\ OnAck(e.node, SpecMsg(Pending(e.node)), network)
    /\ StateIs(e)
    /\ TraceStep

----------------------------------------------------------------------------
(* Runtime events *)

\* A message an action made, or a retransmission of a copy held unacknowledged.
IsSend(e) ==
    /\ IsKind(e, "send")
    /\ MsgOk(e.msg)
    /\ NetSend(e)
    /\ IF SpecMsg(e.msg) \in network
       THEN /\ network' = network \ {SpecMsg(e.msg)}
            /\ UNCHANGED <<nextSeq, delivered, own, held, unacked, up, dlog, bpast>>
       ELSE /\ e.msg.type = "Data"
            /\ MayRetransmit(e.node, {[to |-> e.msg.to, data |-> SpecData(e.msg.body)]})
            /\ UNCHANGED vars
    /\ TraceStep

IsDeliver(e) ==
    /\ IsKind(e, "deliver")
    /\ up[e.node]
    /\ NoneFrom(e.node)
    /\ NetDeliver(e)
    /\ UNCHANGED vars
    /\ TraceStep

IsTimer(e) ==
    /\ IsKind(e, "timer")
    /\ up[e.node]
    /\ NoneFrom(e.node)
    /\ NetTimer(e)
    /\ UNCHANGED vars
    /\ TraceStep

IsDrop(e) ==
    /\ IsKind(e, "drop")
    /\ NetDrop(e)
    /\ UNCHANGED vars
    /\ TraceStep

IsDuplicate(e) ==
    /\ IsKind(e, "duplicate")
    /\ NetDuplicate(e)
    /\ UNCHANGED vars
    /\ TraceStep

IsFault(e) ==
    /\ IsKind(e, "fault")
    /\ NetFault(e)
    /\ UNCHANGED vars
    /\ TraceStep

IsCrash(e) ==
    /\ IsKind(e, "crash")
    /\ NoneFrom(e.node)
    /\ NetCrash(e)
    /\ Crash(e.node)
    /\ TraceStep

\* The persisted state, when recorded, is exactly the node's.
OwnIs(s, n) ==
    /\ Len(s) = Len(own[n])
    /\ \A i \in 1 .. Len(s) : DataOk(s[i]) /\ SpecData(s[i]) = own[n][i]

IsRestart(e) ==
    /\ IsKind(e, "restart")
    /\ NetRestart(e)
    /\ Restart(e.node)
    /\ Has(e, "state") =>
          /\ VecOk(e.state.delivered)
          /\ e.state.nextSeq = nextSeq[e.node]
          /\ Vec(e.state.delivered) = delivered[e.node]
          /\ OwnIs(e.state.own, e.node)
    /\ TraceStep

----------------------------------------------------------------------------

TraceInit == TraceStart /\ Init /\ NetInit

TraceNext == /\ TraceRemaining
             /\ \/ IsBroadcast(CurrentEvent)
                \/ IsDeliverAction(CurrentEvent)
                \/ IsReceive(CurrentEvent)
                \/ IsHandleAck(CurrentEvent)
                \/ IsSend(CurrentEvent)
                \/ IsDeliver(CurrentEvent)
                \/ IsTimer(CurrentEvent)
                \/ IsDrop(CurrentEvent)
                \/ IsDuplicate(CurrentEvent)
                \/ IsFault(CurrentEvent)
                \/ IsCrash(CurrentEvent)
                \/ IsRestart(CurrentEvent)

\* The end of a trace: no delivery left without its handler, every recorded send made.
CausalTraceEnd == NetQuiet /\ network = {}

TraceSpec == TraceInit /\ [][TraceNext]_<<vars, net, l>>
=============================================================================
