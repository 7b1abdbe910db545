---------------------------- MODULE TraceTwoPhase ----------------------------
(***************************************************************************)
(* Trace spec for TwoPhase: checks that an NDJSON trace recorded by an     *)
(* implementation is a behaviour of TwoPhase under the trace's own header. *)
(* One IsX per event kind and per node role (README.md has the mapping).   *)
(*                                                                         *)
(*  - The header binds the trace: the coordinator, the participants and    *)
(*    the clients are its roles "coordinator", "participant" and "client"; *)
(*    cooperative termination is params.options.cooperative.               *)
(*  - The network is TraceNet's, by message identity: a send puts its id   *)
(*    in flight, a deliver names an id in flight and makes it the node's   *)
(*    pending delivery, and the handler action that follows (TMRcvVote,    *)
(*    RMRcvDecision, ...) consumes exactly that message and reads it from  *)
(*    the delivery (XOn(m) of TwoPhase).                                   *)
(*  - Sends are bound to the action that makes them: here msgs holds the  *)
(*    messages recorded actions sent and whose send event has not come yet *)
(*    (each node's outbox: the messages from it).  A send must be one of  *)
(*    them; a node takes no other step while its outbox is not empty; at  *)
(*    the end every outbox is empty.                                       *)
(*  - Crash and restart: a crash is TMCrash / RMCrash (volatile state     *)
(*    lost, the logs kept); the restart event only brings the node up in  *)
(*    the network, and its first step must be TMRestart / RMRestart, the  *)
(*    recovery from the log.  Clients never crash.                        *)
(*  - Every action's recorded state must be the spec's state after it.    *)
(***************************************************************************)
EXTENDS TwoPhase, TraceNet

----------------------------------------------------------------------------
(* The header *)

\* The coordinator: the one node with role "coordinator" (the schema demands exactly one).
TraceCoord == CHOOSE n \in RoleNodes("coordinator") : TRUE

TraceRM == RoleNodes("participant")

TraceOptions == Param("options", [x \in {} |-> ""])

TraceCooperative == Get(TraceOptions, "cooperative", "false") = "true"

ASSUME Cardinality(RoleNodes("coordinator")) = 1

----------------------------------------------------------------------------
(* Messages and nodes *)

\* The spec message a trace message stands for.
SpecMsg(m) ==
    CASE m.type = "Prepare" -> [type |-> "Prepare", from |-> m.from, to |-> m.to]
      [] m.type = "Vote" -> [type |-> "Vote", from |-> m.from, to |-> m.to, yes |-> m.body.yes]
      [] m.type = "Decision" -> [type |-> "Decision", from |-> m.from, to |-> m.to, commit |-> m.body.commit]
      [] m.type = "Ack" -> [type |-> "Ack", from |-> m.from, to |-> m.to]
      [] m.type = "DecisionRequest" -> [type |-> "DecisionRequest", from |-> m.from, to |-> m.to]
      [] m.type = "ClientRequest" -> [type |-> "ClientRequest", from |-> m.from, to |-> m.to]
      [] m.type = "ClientReply" -> [type |-> "ClientReply", from |-> m.from, to |-> m.to, commit |-> m.body.commit]
      [] OTHER -> [type |-> "Unknown"]

\* Node n has sent every message its recorded actions made.
NoneFrom(n) == \A m \in msgs : m.from # n

\* Node n is up as far as the spec knows (between its restart event and its recovery action
\* the network has it up, the spec not yet).
SpecUp(n) == IF n = Coord THEN tmUp ELSE IF n \in RM THEN rmUp[n] ELSE TRUE

\* The handler action of e consumes the pending delivery of e's node, a message of type t.
Consumes(e, t) ==
    /\ Pending(e.node) # NoMsg
    /\ Pending(e.node).type = t
    /\ NetConsume(e.node)

\* The message the handler of e consumes, as the spec sees it.
Delivered(e) == SpecMsg(Pending(e.node))

----------------------------------------------------------------------------
(* Actions *)

TMStateIs(e) ==
    /\ tmState' = e.state.tmState
    /\ tmPrepared' = SeqToSet(e.state.tmPrepared)
    /\ tmAcked' = SeqToSet(e.state.tmAcked)

IsCoordAction(e) ==
    /\ e.kind = "action"
    /\ e.node = Coord
    /\ NoneFrom(e.node)
    /\ \/ e.action = "TMPrepare" /\ NetAct(e) /\ TMPrepare
       \/ e.action = "TMRcvVote" /\ Consumes(e, "Vote") /\ TMOnVote(Delivered(e))
       \/ e.action = "TMCommit" /\ NetAct(e) /\ TMCommit
       \/ e.action = "TMAbort" /\ NetAct(e) /\ TMAbort
       \/ e.action = "TMRcvAck" /\ Consumes(e, "Ack") /\ TMOnAck(Delivered(e))
       \/ e.action = "TMResend" /\ NetAct(e) /\ TMResend
       \/ e.action = "TMRcvDecisionRequest" /\ Consumes(e, "DecisionRequest")
            /\ TMOnDecisionRequest(Delivered(e))
       \/ e.action = "TMRcvClientRequest" /\ Consumes(e, "ClientRequest")
            /\ TMOnClientRequest(Delivered(e))
       \/ e.action = "TMRestart" /\ NetAct(e) /\ TMRestart
    /\ TMStateIs(e)
    /\ TraceStep

IsRMAction(e) ==
    /\ e.kind = "action"
    /\ e.node \in RM
    /\ NoneFrom(e.node)
    /\ \/ e.action = "RMVoteYes" /\ Consumes(e, "Prepare") /\ RMOnPrepareYes(e.node, Delivered(e))
       \/ e.action = "RMVoteNo" /\ Consumes(e, "Prepare") /\ RMOnPrepareNo(e.node, Delivered(e))
       \/ e.action = "RMAbort" /\ NetAct(e) /\ RMAbort(e.node)
       \/ e.action = "RMRcvDecision" /\ Consumes(e, "Decision") /\ RMOnDecision(e.node, Delivered(e))
       \/ e.action = "RMAsk" /\ NetAct(e) /\ RMAsk(e.node)
       \/ e.action = "RMRcvDecisionRequest" /\ Consumes(e, "DecisionRequest")
            /\ RMOnDecisionRequest(e.node, Delivered(e))
       \/ e.action = "RMRestart" /\ NetAct(e) /\ RMRestart(e.node)
    /\ rmState'[e.node] = e.state.rmState
    /\ TraceStep

IsClientAction(e) ==
    /\ e.kind = "action"
    /\ e.node \in Clients
    /\ NoneFrom(e.node)
    /\ \/ e.action = "ClientAsk" /\ NetAct(e) /\ ClientAsk(e.node)
       \/ e.action = "ClientRcvReply" /\ Consumes(e, "ClientReply") /\ ClientOnReply(e.node, Delivered(e))
    /\ clientOutcome'[e.node] = e.state.outcome
    /\ TraceStep

----------------------------------------------------------------------------
(* Runtime events *)

IsSend(e) ==
    /\ IsKind(e, "send")
    /\ NetSend(e)
    /\ SpecMsg(e.msg) \in msgs
    /\ msgs' = msgs \ {SpecMsg(e.msg)}
    /\ UNCHANGED <<rmState, rmUp, tmState, tmPrepared, tmAcked, tmUp, clientOutcome, yesVotes, crashes>>
    /\ TraceStep

IsDeliver(e) ==
    /\ IsKind(e, "deliver")
    /\ SpecUp(e.node)
    /\ NoneFrom(e.node)
    /\ NetDeliver(e)
    /\ UNCHANGED vars
    /\ TraceStep

IsTimer(e) ==
    /\ IsKind(e, "timer")
    /\ SpecUp(e.node)
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
    /\ e.node \in RM \cup {Coord}
    /\ NoneFrom(e.node)
    /\ NetCrash(e)
    /\ IF e.node = Coord THEN TMCrash ELSE RMCrash(e.node)
    /\ TraceStep

IsRestart(e) ==
    /\ IsKind(e, "restart")
    /\ NetRestart(e)
    /\ UNCHANGED vars
    /\ TraceStep

----------------------------------------------------------------------------

TraceInit == TraceStart /\ Init /\ NetInit

TraceNext == /\ TraceRemaining
             /\ \/ IsCoordAction(CurrentEvent)
                \/ IsRMAction(CurrentEvent)
                \/ IsClientAction(CurrentEvent)
                \/ IsSend(CurrentEvent)
                \/ IsDeliver(CurrentEvent)
                \/ IsTimer(CurrentEvent)
                \/ IsDrop(CurrentEvent)
                \/ IsDuplicate(CurrentEvent)
                \/ IsFault(CurrentEvent)
                \/ IsCrash(CurrentEvent)
                \/ IsRestart(CurrentEvent)

\* The end of a trace: no delivery left without its handler, every recorded send made, and every
\* node the network has up has recovered.
TwoPhaseTraceEnd ==
    /\ NetQuiet
    /\ msgs = {}
    /\ tmUp = net.up[Coord]
    /\ \A r \in RM : rmUp[r] = net.up[r]

TraceSpec == TraceInit /\ [][TraceNext]_<<vars, net, l>>
=============================================================================
