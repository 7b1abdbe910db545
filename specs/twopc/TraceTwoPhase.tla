---------------------------- MODULE TraceTwoPhase ----------------------------
(***************************************************************************)
(* Trace spec for TwoPhase: checks that an NDJSON trace recorded by an     *)
(* implementation is a behaviour of TwoPhase.  One IsX per event kind or   *)
(* recorded action (see README.md for the mapping table).                 *)
(*                                                                         *)
(*  - "action" events drive the spec actions and must leave the spec in    *)
(*    the state the node recorded (tmState/tmPrepared/tmAcked of the       *)
(*    coordinator, rmState of a participant);                              *)
(*  - "send" events must name a message the preceding action put in msgs;  *)
(*  - "deliver" events must name a message in msgs (sent, not forged);     *)
(*  - "crash" events are TMCrash / RMCrash; "restart" events only mark the *)
(*    restart, the node's own TMRestart / RMRestart action follows;        *)
(*  - drops, duplicates, timers and other faults change nothing in a spec  *)
(*    whose messages form a set.                                           *)
(* Actions that receive a message leave the sender open (\E): the state    *)
(* check and the next send event pin it down.                              *)
(***************************************************************************)
EXTENDS TwoPhase, TraceValidation

\* The participants of the traced run: every node of the header but the coordinator.
TraceRM == SeqToSet(TraceHeader.nodes) \ {Coord}

\* The spec message a trace message stands for.
SpecMsg(m) ==
    CASE m.type = "Prepare" -> [type |-> "Prepare", from |-> m.from, to |-> m.to]
      [] m.type = "Vote" -> [type |-> "Vote", from |-> m.from, to |-> m.to, yes |-> m.body.yes]
      [] m.type = "Decision" -> [type |-> "Decision", from |-> m.from, to |-> m.to, commit |-> m.body.commit]
      [] m.type = "Ack" -> [type |-> "Ack", from |-> m.from, to |-> m.to]
      [] m.type = "DecisionRequest" -> [type |-> "DecisionRequest", from |-> m.from, to |-> m.to]
      [] OTHER -> [type |-> "Unknown"]

TMStateIs(e) ==
    /\ tmState' = e.state.tmState
    /\ tmPrepared' = SeqToSet(e.state.tmPrepared)
    /\ tmAcked' = SeqToSet(e.state.tmAcked)

RMStateIs(e) == rmState'[e.node] = e.state.rmState

IsCoordAction(e) ==
    /\ e.kind = "action"
    /\ e.node = Coord
    /\ \/ e.action = "TMPrepare" /\ TMPrepare
       \/ e.action = "TMRcvVote" /\ \E r \in RM : TMRcvVote(r)
       \/ e.action = "TMCommit" /\ TMCommit
       \/ e.action = "TMAbort" /\ TMAbort
       \/ e.action = "TMRcvAck" /\ \E r \in RM : TMRcvAck(r)
       \/ e.action = "TMResend" /\ TMResend
       \/ e.action = "TMRcvDecisionRequest" /\ \E r \in RM : TMRcvDecisionRequest(r)
       \/ e.action = "TMRestart" /\ TMRestart
    /\ TMStateIs(e)
    /\ TraceStep

IsRMAction(e) ==
    /\ e.kind = "action"
    /\ e.node \in RM
    /\ \/ e.action = "RMVoteYes" /\ RMVoteYes(e.node)
       \/ e.action = "RMVoteNo" /\ RMVoteNo(e.node)
       \/ e.action = "RMAbort" /\ RMAbort(e.node)
       \/ e.action = "RMRcvDecision" /\ RMRcvDecision(e.node)
       \/ e.action = "RMAsk" /\ RMAsk(e.node)
       \/ e.action = "RMRcvDecisionRequest" /\ RMRcvDecisionRequest(e.node)
       \/ e.action = "RMRestart" /\ RMRestart(e.node)
    /\ RMStateIs(e)
    /\ TraceStep

IsSend(e) ==
    /\ IsKind(e, "send")
    /\ SpecMsg(e.msg) \in msgs
    /\ UNCHANGED vars
    /\ TraceStep

IsDeliver(e) ==
    /\ IsKind(e, "deliver")
    /\ SpecMsg(e.msg) \in msgs
    /\ IF e.node = Coord THEN tmUp ELSE rmUp[e.node]
    /\ UNCHANGED vars
    /\ TraceStep

IsCrash(e) ==
    /\ IsKind(e, "crash")
    /\ IF e.node = Coord THEN TMCrash ELSE RMCrash(e.node)
    /\ TraceStep

IsSkip(e) ==
    /\ e.kind \in {"restart", "drop", "duplicate", "timer", "fault"}
    /\ UNCHANGED vars
    /\ TraceStep

TraceInit == TraceStart /\ Init

TraceNext == /\ TraceRemaining
             /\ \/ IsCoordAction(CurrentEvent)
                \/ IsRMAction(CurrentEvent)
                \/ IsSend(CurrentEvent)
                \/ IsDeliver(CurrentEvent)
                \/ IsCrash(CurrentEvent)
                \/ IsSkip(CurrentEvent)

TraceSpec == TraceInit /\ [][TraceNext]_<<vars, l>>
=============================================================================
