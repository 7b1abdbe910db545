------------------------------ MODULE TraceCrdt ------------------------------
(***************************************************************************)
(* Trace spec of the replicated G-Counter (Crdt.tla) against traces of     *)
(* GossipReplicaNode with --type g-counter. Event -> spec action:          *)
(*   action Increment at n, state.crdt.counts  -> Increment(n, k), some k  *)
(*   action SendGossip at n                    -> (check only) counts[n]   *)
(*   send    msg n->m, body.state.counts       -> SendGossip(n, m)         *)
(*   deliver msg n->m, body.state.counts       -> ReceiveGossip(msg), msg  *)
(*           kept in flight                                                *)
(*   action ReceiveGossip at m                 -> (check only) counts[m]   *)
(*   drop    msg                               -> stutter (msg in flight)  *)
(*   duplicate msg                             -> stutter (msgs is a set)  *)
(*   timer, fault, crash, restart              -> stutter (state persists) *)
(* Recorded states must equal the spec's state after the step.             *)
(***************************************************************************)
EXTENDS Crdt, TraceValidation

\* The counts vector of a recorded g-counter value ({"crdt":"g-counter","counts":{...}}).
CountsOf(crdt) == ByNodeOr(crdt.counts, Node, 0)

\* Replica snapshots hold the value under "crdt"; message bodies under "state".
StateCounts(e) == CountsOf(e.state.crdt)
BodyCounts(e) == CountsOf(e.msg.body.state)

MsgOf(e) == [from |-> e.msg.from, to |-> e.msg.to, state |-> BodyCounts(e)]

IsIncrement(e) ==
    /\ IsAction(e, "Increment")
    /\ \E k \in 1..MaxStep : Increment(e.node, k)
    /\ counts'[e.node] = StateCounts(e)
    /\ TraceStep

\* Recorded just before the send (pushes and replies); the send event does the spec step.
IsSendGossipAction(e) ==
    /\ IsAction(e, "SendGossip")
    /\ counts[e.node] = StateCounts(e)
    /\ UNCHANGED vars
    /\ TraceStep

IsSend(e) ==
    /\ IsKind(e, "send")
    /\ e.msg.from = e.node
    /\ BodyCounts(e) = counts[e.node]
    /\ SendGossip(e.node, e.msg.to)
    /\ TraceStep

\* The delivered message stays in msgs (the spec allows it: a later duplicate may come). Always
\* choosing that branch keeps trace checking deterministic; removing it would double the
\* candidate states at every delivery.
IsDeliver(e) ==
    /\ IsKind(e, "deliver")
    /\ MsgOf(e) \in msgs
    /\ ReceiveGossip(MsgOf(e))
    /\ msgs' = msgs
    /\ TraceStep

\* Recorded right after the merge: the state must be the join the spec computed.
IsReceiveGossipAction(e) ==
    /\ IsAction(e, "ReceiveGossip")
    /\ counts[e.node] = StateCounts(e)
    /\ UNCHANGED vars
    /\ TraceStep

\* A drop must name a message the spec has in flight; since deliveries keep messages, losing
\* it is a stutter (an identical copy may still be delivered).
IsDrop(e) ==
    /\ IsKind(e, "drop")
    /\ MsgOf(e) \in msgs
    /\ UNCHANGED vars
    /\ TraceStep

IsDuplicate(e) ==
    /\ IsKind(e, "duplicate")
    /\ MsgOf(e) \in msgs
    /\ UNCHANGED vars
    /\ TraceStep

IsSkip(e) ==
    /\ e.kind \in {"timer", "fault", "crash", "restart"}
    /\ UNCHANGED vars
    /\ TraceStep

TraceInit == TraceStart /\ Init

TraceNext == /\ TraceRemaining
             /\ \/ IsIncrement(CurrentEvent)
                \/ IsSendGossipAction(CurrentEvent)
                \/ IsSend(CurrentEvent)
                \/ IsDeliver(CurrentEvent)
                \/ IsReceiveGossipAction(CurrentEvent)
                \/ IsDrop(CurrentEvent)
                \/ IsDuplicate(CurrentEvent)
                \/ IsSkip(CurrentEvent)

TraceVars == <<vars, l>>
TraceSpec == TraceInit /\ [][TraceNext]_TraceVars
=============================================================================
