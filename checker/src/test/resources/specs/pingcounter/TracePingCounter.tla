-------------------------- MODULE TracePingCounter --------------------------
(***************************************************************************)
(* Trace spec of PingCounter (the worked example of specs/lib).  Events:   *)
(*   action "Inc"  at node n, state {count}      -> Inc(n)                 *)
(*   send  Ping n->m, body {val}, state {count}  -> Send(n)                *)
(*   deliver Ping at m, body {val}, state {count}-> Deliver(m)             *)
(*   drop  Ping to m, body {val}                 -> Drop(m)                *)
(***************************************************************************)
EXTENDS PingCounter, TraceValidation

IsInc(e) ==
    /\ IsAction(e, "Inc")
    /\ Inc(e.node)
    /\ count'[e.node] = e.state.count
    /\ TraceStep

IsSend(e) ==
    /\ IsKind(e, "send")
    /\ e.msg.from = e.node
    /\ e.msg.to = Other(e.node)
    /\ e.msg.body.val = count[e.node]
    /\ Send(e.node)
    /\ TraceStep

IsDeliver(e) ==
    /\ IsKind(e, "deliver")
    /\ e.msg.to = e.node
    /\ chan[e.node] # <<>>
    /\ Head(chan[e.node]).val = e.msg.body.val
    /\ Deliver(e.node)
    /\ count'[e.node] = e.state.count
    /\ TraceStep

IsDrop(e) ==
    /\ IsKind(e, "drop")
    /\ chan[e.msg.to] # <<>>
    /\ Head(chan[e.msg.to]).val = e.msg.body.val
    /\ Drop(e.msg.to)
    /\ TraceStep

TraceInit == TraceStart /\ Init

TraceNext == /\ TraceRemaining
             /\ \/ IsInc(CurrentEvent)
                \/ IsSend(CurrentEvent)
                \/ IsDeliver(CurrentEvent)
                \/ IsDrop(CurrentEvent)

\* Used by tests to see an algorithm invariant fail along a trace (TracePingCounterSmall.cfg).
SmallCounts == \A n \in Node : count[n] < 3

TraceVars == <<vars, l>>
TraceSpec == TraceInit /\ [][TraceNext]_TraceVars

=============================================================================
