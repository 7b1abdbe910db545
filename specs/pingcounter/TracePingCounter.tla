--------------------------- MODULE TracePingCounter ---------------------------
(***************************************************************************)
(* Trace spec of PingCounter: an NDJSON trace recorded by the              *)
(* implementation (impl/.../algorithms/pingcounter) is a behaviour of      *)
(* PingCounter under the trace's own header.                               *)
(*                                                                         *)
(*  - The header binds the trace: the nodes are its servers, MaxCount its  *)
(*    params.options.max.                                                  *)
(*  - The network is TraceNet's, by message identity: a deliver names a    *)
(*    message in flight and makes it the node's pending delivery; the      *)
(*    Receive action that follows consumes exactly that message.           *)
(*  - A crash and a restart must be in the header's plan; the restart      *)
(*    carries the persisted counter, which must be the counter the node   *)
(*    had.                                                                 *)
(*  - Every action's recorded state is the spec's state after it.         *)
(*                                                                         *)
(*   trace event                         spec action                       *)
(*   action Inc {count}                  Inc(n)                            *)
(*   send Ping {val}                     Send(n, to), val = count[n]       *)
(*   deliver Ping                        (network only)                    *)
(*   action Receive {count}              Receive(n, the delivered Ping)    *)
(*   crash / restart {count}             Crash(n) / Restart(n)             *)
(*   timer, drop, duplicate, fault       (network only)                    *)
(***************************************************************************)
EXTENDS PingCounter, TraceNet

\* The header's max option, a string: the number it spells.
TraceMaxCount == CHOOSE k \in 0 .. 1000 : ToString(k) = Param("options", [max |-> "?"]).max

\* The spec message a trace message stands for.
SpecMsg(m) == [from |-> m.from, to |-> m.to, val |-> m.body.val]

CountIs(e) == count'[e.node] = e.state.count

IsInc(e) ==
    /\ IsAction(e, "Inc")
    /\ NetAct(e)
    /\ Inc(e.node)
    /\ CountIs(e)
    /\ TraceStep

IsSend(e) ==
    /\ IsKind(e, "send")
    /\ e.msg.type = "Ping"
    /\ e.msg.body.val = count[e.node]
    /\ NetSend(e)
    /\ Send(e.node, e.msg.to)
    /\ TraceStep

IsDeliver(e) ==
    /\ IsKind(e, "deliver")
    /\ up[e.node]
    /\ NetDeliver(e)
    /\ UNCHANGED vars
    /\ TraceStep

IsReceive(e) ==
    /\ IsAction(e, "Receive")
    /\ Pending(e.node) # NoMsg
    /\ Pending(e.node).type = "Ping"
    /\ Receive(e.node, SpecMsg(Pending(e.node)))
    /\ NetConsume(e.node)
    /\ CountIs(e)
    /\ TraceStep

IsTimer(e) ==
    /\ IsKind(e, "timer")
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
    /\ NetCrash(e)
    /\ Crash(e.node)
    /\ TraceStep

\* A node that never persisted restarts from nothing: counter 0.
IsRestart(e) ==
    /\ IsKind(e, "restart")
    /\ NetRestart(e)
    /\ Restart(e.node)
    /\ Get(Get(e, "state", [count |-> 0]), "count", -1) = count[e.node]
    /\ TraceStep

TraceInit == TraceStart /\ Init /\ NetInit

TraceNext == /\ TraceRemaining
             /\ \/ IsInc(CurrentEvent)
                \/ IsSend(CurrentEvent)
                \/ IsDeliver(CurrentEvent)
                \/ IsReceive(CurrentEvent)
                \/ IsTimer(CurrentEvent)
                \/ IsDrop(CurrentEvent)
                \/ IsDuplicate(CurrentEvent)
                \/ IsFault(CurrentEvent)
                \/ IsCrash(CurrentEvent)
                \/ IsRestart(CurrentEvent)

TraceSpec == TraceInit /\ [][TraceNext]_<<vars, net, l>>
=============================================================================
