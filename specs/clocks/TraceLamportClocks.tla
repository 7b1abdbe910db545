-------------------------- MODULE TraceLamportClocks --------------------------
(***************************************************************************)
(* Trace spec of the clocks algorithm (impl/.../algorithms/clocks): an     *)
(* NDJSON trace is a behaviour of LamportClocks under its own header.      *)
(*                                                                         *)
(*  - The header binds the trace: the processes are its servers, MaxEvents *)
(*    its params.options.events; the algorithm is the correct one.         *)
(*  - The network is TraceNet's, by message identity.  A Send action puts  *)
(*    its Tick into network, which here is the node's outbox: the send     *)
(*    event that follows must carry exactly that stamp and takes it out;   *)
(*    a node starts no handler while its outbox is not empty.  A deliver   *)
(*    makes the Tick the node's pending delivery and the Receive action    *)
(*    consumes exactly it.                                                 *)
(*  - Happens-before comes from the trace itself: pastOf[id] is the ghost  *)
(*    causal history of the send of message id, carried to its receive.   *)
(*  - Every action's recorded state {lc, vc, events} is the spec's state  *)
(*    after it; a restart's state is the persisted one, which must be what *)
(*    the node had.  Own events follow the algorithm's schedule.           *)
(*                                                                         *)
(*   trace event                       spec action                         *)
(*   timer (any name)                  (network only)                      *)
(*   action Local {lc, vc, events}     Local(n)                            *)
(*   action Send {lc, vc, events}      Send(n, to) (to: the schedule's)    *)
(*   send Tick {lc, vc}                (outbox -> network)                 *)
(*   deliver Tick                      (network only)                      *)
(*   action Receive {lc, vc, events}   OnReceive(n, the delivered Tick)    *)
(*   crash / restart {lc, vc, events}  Crash(n) / Restart(n)               *)
(*   drop, duplicate, fault            (network only)                      *)
(***************************************************************************)
EXTENDS LamportClocks, TraceNet

\* Trace only: the ghost causal history of the send of each message still in flight or pending.
VARIABLE pastOf

traceVars == <<vars, pastOf>>

----------------------------------------------------------------------------
(* The header *)

TraceOptions == Param("options", [x \in {} |-> ""])

\* The header's events option, a string: the number it spells.
TraceMaxEvents == CHOOSE k \in 0 .. 1000 : ToString(k) = Get(TraceOptions, "events", "?")

----------------------------------------------------------------------------
(* Values *)

\* A recorded vector {"<node>": n}: exactly one natural per process.
VecOk(r) == DOMAIN r = {ToString(q) : q \in Proc} /\ \A q \in Proc : r[ToString(q)] \in Nat

Vec(r) == [q \in Proc |-> r[ToString(q)]]

StateIs(e) ==
    /\ VecOk(e.state.vc)
    /\ clock'[e.node] = e.state.lc
    /\ vc'[e.node] = Vec(e.state.vc)
    /\ events'[e.node] = e.state.events

\* Node n has sent every message its recorded actions made.
NoneFrom(n) == \A m \in network : m.from # n

\* The schedule: own event k of process p is a send iff (k + p) mod 3 # 0, to the server at
\* 0-based position (pos(p) + k) mod N of the ascending server list, or the next one when that
\* is p itself.
Rank(p) == Cardinality({q \in Proc : q < p})
AtRank(k) == CHOOSE q \in Proc : Rank(q) = k
SendsAt(p, k) == (k + p) % 3 # 0
TargetOf(p, k) ==
    LET N == Cardinality(Proc)
        t == (Rank(p) + k) % N
    IN IF AtRank(t) = p THEN AtRank((t + 1) % N) ELSE AtRank(t)

\* Keep the ghost of message id only while a copy of it is in flight or pending (net').
Keep(id) == \/ id \in DOMAIN net'.inflight
            \/ \E n \in TraceNodes : net'.pending[n] # NoMsg /\ net'.pending[n].id = id
PastAfter(id) == IF Keep(id) THEN pastOf ELSE [x \in DOMAIN pastOf \ {id} |-> pastOf[x]]

----------------------------------------------------------------------------
(* Actions *)

IsLocal(e) ==
    /\ IsAction(e, "Local")
    /\ NoneFrom(e.node)
    /\ NetAct(e)
    /\ ~SendsAt(e.node, events[e.node] + 1)
    /\ Local(e.node)
    /\ StateIs(e)
    /\ UNCHANGED pastOf
    /\ TraceStep

IsSendAction(e) ==
    /\ IsAction(e, "Send")
    /\ NoneFrom(e.node)
    /\ NetAct(e)
    /\ SendsAt(e.node, events[e.node] + 1)
    /\ Send(e.node, TargetOf(e.node, events[e.node] + 1))
    /\ StateIs(e)
    /\ UNCHANGED pastOf
    /\ TraceStep

IsReceive(e) ==
    /\ IsAction(e, "Receive")
    /\ Pending(e.node) # NoMsg
    /\ Pending(e.node).type = "Tick"
    /\ NoneFrom(e.node)
    /\ OnReceive(e.node, [from |-> Pending(e.node).from, to |-> e.node,
                          lc |-> Pending(e.node).body.lc, vc |-> Vec(Pending(e.node).body.vc),
                          past |-> pastOf[Pending(e.node).id]])
    /\ NetConsume(e.node)
    /\ UNCHANGED network
    /\ StateIs(e)
    /\ pastOf' = PastAfter(Pending(e.node).id)
    /\ TraceStep

----------------------------------------------------------------------------
(* Runtime events *)

\* The send of the Tick the node's last Send action made, with exactly its stamp.
IsSend(e) ==
    /\ IsKind(e, "send")
    /\ e.msg.type = "Tick"
    /\ VecOk(e.msg.body.vc)
    /\ \E m \in network :
          /\ m.from = e.node
          /\ m.to = e.msg.to
          /\ m.lc = e.msg.body.lc
          /\ m.vc = Vec(e.msg.body.vc)
          /\ network' = network \ {m}
          /\ pastOf' = pastOf @@ (e.msg.id :> m.past)
    /\ NetSend(e)
    /\ UNCHANGED <<clock, vc, events, up, past, history>>
    /\ TraceStep

IsDeliver(e) ==
    /\ IsKind(e, "deliver")
    /\ up[e.node]
    /\ NoneFrom(e.node)
    /\ NetDeliver(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsTimer(e) ==
    /\ IsKind(e, "timer")
    /\ up[e.node]
    /\ NoneFrom(e.node)
    /\ NetTimer(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsDrop(e) ==
    /\ IsKind(e, "drop")
    /\ NetDrop(e)
    /\ UNCHANGED vars
    /\ pastOf' = PastAfter(e.msg.id)
    /\ TraceStep

IsDuplicate(e) ==
    /\ IsKind(e, "duplicate")
    /\ NetDuplicate(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsFault(e) ==
    /\ IsKind(e, "fault")
    /\ NetFault(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsCrash(e) ==
    /\ IsKind(e, "crash")
    /\ NoneFrom(e.node)
    /\ NetCrash(e)
    /\ Crash(e.node)
    /\ UNCHANGED pastOf
    /\ TraceStep

\* The persisted state, when recorded, is exactly the node's (a node that never persisted: zeros).
IsRestart(e) ==
    /\ IsKind(e, "restart")
    /\ NetRestart(e)
    /\ Restart(e.node)
    /\ Has(e, "state") =>
          /\ VecOk(e.state.vc)
          /\ e.state.lc = clock[e.node]
          /\ Vec(e.state.vc) = vc[e.node]
          /\ e.state.events = events[e.node]
    /\ UNCHANGED pastOf
    /\ TraceStep

----------------------------------------------------------------------------

TraceInit == TraceStart /\ Init /\ NetInit /\ pastOf = [x \in {} |-> Zero]

TraceNext == /\ TraceRemaining
             /\ \/ IsLocal(CurrentEvent)
                \/ IsSendAction(CurrentEvent)
                \/ IsReceive(CurrentEvent)
                \/ IsSend(CurrentEvent)
                \/ IsDeliver(CurrentEvent)
                \/ IsTimer(CurrentEvent)
                \/ IsDrop(CurrentEvent)
                \/ IsDuplicate(CurrentEvent)
                \/ IsFault(CurrentEvent)
                \/ IsCrash(CurrentEvent)
                \/ IsRestart(CurrentEvent)

\* The end of a trace: no delivery left without its handler, every recorded send made.
ClocksTraceEnd == NetQuiet /\ network = {}

TraceSpec == TraceInit /\ [][TraceNext]_<<traceVars, net, l>>
=============================================================================
