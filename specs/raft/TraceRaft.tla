------------------------------ MODULE TraceRaft ------------------------------
(***************************************************************************)
(* Trace spec: replays an NDJSON trace of a Raft implementation against    *)
(* Raft.tla, one event per step (the ewd998 trace-spec pattern, through    *)
(* specs/lib/TraceValidation.tla).  The mapping of event kinds to spec     *)
(* actions is in README.md ("Event <-> action mapping").                   *)
(*                                                                         *)
(* Servers are the header's nodes with ids up to ClientIdBase; nodes above *)
(* it are clients, whose messages the spec does not model.                 *)
(***************************************************************************)
EXTENDS Raft, TraceValidation, TraceIndex, TraceSeq

ClientIdBase == 100

TraceServers == {n \in SeqToSet(TraceHeader.nodes) : n <= ClientIdBase}

RaftTypes == {"RequestVote", "RequestVoteResponse", "AppendEntries",
              "AppendEntriesResponse", "InstallSnapshot", "InstallSnapshotResponse"}

RequestTypes == {"RequestVote", "AppendEntries", "InstallSnapshot"}

----------------------------------------------------------------------------
(* From trace values to spec values *)

\* Log entries as the spec writes them (extra fields of the trace are ignored).
Entries(s) == [k \in 1 .. Len(s) |-> [term |-> s[k].term, value |-> s[k].value]]

RaftMsgEvent(e) == Has(e, "msg") /\ e.msg.type \in RaftTypes

\* The spec record of a trace message. InstallSnapshot's data is opaque: left out.
TraceMsg(e) ==
    LET t == e.msg.type
        b == e.msg.body
        f == e.msg.from
        d == e.msg.to
    IN CASE t = "RequestVote" ->
              [mtype |-> t, msource |-> f, mdest |-> d, term |-> b.term,
               lastLogIndex |-> b.lastLogIndex, lastLogTerm |-> b.lastLogTerm]
         [] t = "RequestVoteResponse" ->
              [mtype |-> t, msource |-> f, mdest |-> d, term |-> b.term,
               voteGranted |-> b.voteGranted]
         [] t = "AppendEntries" ->
              [mtype |-> t, msource |-> f, mdest |-> d, term |-> b.term,
               prevLogIndex |-> b.prevLogIndex, prevLogTerm |-> b.prevLogTerm,
               entries |-> Entries(b.entries), leaderCommit |-> b.leaderCommit]
         [] t = "AppendEntriesResponse" ->
              [mtype |-> t, msource |-> f, mdest |-> d, term |-> b.term,
               success |-> b.success, matchIndex |-> b.matchIndex]
         [] t = "InstallSnapshot" ->
              [mtype |-> t, msource |-> f, mdest |-> d, term |-> b.term,
               lastIncludedIndex |-> b.lastIncludedIndex,
               lastIncludedTerm |-> b.lastIncludedTerm]
         [] t = "InstallSnapshotResponse" ->
              [mtype |-> t, msource |-> f, mdest |-> d, term |-> b.term,
               matchIndex |-> b.matchIndex]

\* A spec message as the trace can show it (without InstallSnapshot's data).
Visible(m) ==
    IF m.mtype = "InstallSnapshot"
    THEN [mtype |-> m.mtype, msource |-> m.msource, mdest |-> m.mdest, term |-> m.term,
          lastIncludedIndex |-> m.lastIncludedIndex, lastIncludedTerm |-> m.lastIncludedTerm]
    ELSE m

\* The spec messages in the network that look like trace message tm (one at most, except
\* for InstallSnapshot, whose data the trace does not show).
SpecMsgs(tm) ==
    IF tm.mtype = "InstallSnapshot"
    THEN {m \in messages : Visible(m) = tm}
    ELSE {tm} \cap messages

InNetwork(tm) == SpecMsgs(tm) # {}

----------------------------------------------------------------------------
(* Bounding the network.  Raft.tla never removes a message (one may be     *)
(* received again at any time), so along a trace `messages` only grows and *)
(* TLC would copy and fingerprint all of it at every step: quadratic in    *)
(* the trace length.  The trace says which messages are still needed:      *)
(* TraceSend, which replaces Send (see TraceRaft.cfg), keeps a message     *)
(* only while a later event sends, delivers or handles it.  This cannot    *)
(* make a bad trace pass: the trace spec reads `messages` only to ask      *)
(* whether a message is in the network, so a smaller network only          *)
(* removes behaviours (and the invariants in TraceRaft.cfg do not read     *)
(* it; TypeOK would).  The indexes are constants, computed once per TLC    *)
(* run over the events from the segment's first one to the end of the     *)
(* file (TraceAhead, so index k is TraceLog[k]: a message sent in one      *)
(* segment may be delivered in a later one).  The events before the        *)
(* segment are not read: the only need they can carry into it is that of  *)
(* a node's last delivery before the segment, which its actions may handle *)
(* up to its next delivery; for that, a later segment keeps every message  *)
(* to a node until the node's first delivery in it (Handled accepts any    *)
(* of them there).                                                         *)

\* The node a deliver event hands a message to (0: not a delivery).
DeliveryTo(e) == IF IsKind(e, "deliver") /\ Has(e, "msg") THEN e.msg.to ELSE 0

AheadLen == Len(TraceAhead)

\* For each event from the segment's first one on, the index of the next delivery to the same node.
NextDelivery == NextIndexOf([j \in 1 .. AheadLen |-> DeliveryTo(TraceAhead[j])])

\* The last event that needs the message of event j in the network: the event itself, and
\* after a delivery every action of that node up to its next delivery (see Handled).
NeededUntil(j) == IF DeliveryTo(TraceAhead[j]) # 0 THEN NextDelivery[j] - 1 ELSE j

\* For each message of the trace, as Visible shows it, the last event that needs it.
LastNeed ==
    MaxByKey([j \in 1 .. AheadLen |->
                 IF RaftMsgEvent(TraceAhead[j]) THEN TraceMsg(TraceAhead[j]) ELSE [mtype |-> "none"]],
             [j \in 1 .. AheadLen |-> NeededUntil(j)])

\* For each node, AheadLen + 1 - (the index of its first delivery from the segment's start on).
FirstDeliveryFromEnd ==
    MaxByKey([j \in 1 .. AheadLen |-> DeliveryTo(TraceAhead[j])], [j \in 1 .. AheadLen |-> AheadLen + 1 - j])

\* The node's first delivery in this segment or later (AheadLen + 1: none).
FirstDeliveryTo(n) == AheadLen + 1 - GetOr(FirstDeliveryFromEnd, n, 0)

\* m is needed by an event after the current one l.
StillNeeded(m) ==
    \/ GetOr(LastNeed, Visible(m), 0) > l
    \/ TraceOffset > 0 /\ FirstDeliveryTo(m.mdest) - 1 > l

\* Send, dropping every message no later event needs.
TraceSend(m) == messages' = {x \in messages \cup {m} : StillNeeded(x)}

----------------------------------------------------------------------------
(* Which message an UpdateTerm or Handle action is handling *)

\* Index of the last deliver event to node i before index k, 0 if none in TraceLog.
RECURSIVE LastDeliveryBefore(_, _)
LastDeliveryBefore(i, k) ==
    IF k < 1 THEN 0
    ELSE IF TraceLog[k].kind = "deliver" /\ Has(TraceLog[k], "msg")
            /\ TraceLog[k].msg.to = i
         THEN k
         ELSE LastDeliveryBefore(i, k - 1)

\* The spec messages node i may be handling now: the one of its last delivery, or any
\* message to i when that delivery lies before the trace segment being validated.
Handled(i) ==
    LET k == LastDeliveryBefore(i, l - 1)
    IN IF k = 0 THEN {m \in messages : m.mdest = i}
       ELSE IF RaftMsgEvent(TraceLog[k])
            THEN SpecMsgs(TraceMsg(TraceLog[k]))
            ELSE {}

----------------------------------------------------------------------------
(* The state recorded with an action, compared with the spec state after it *)

TermMatches(e)     == currentTerm'[e.node] = e.state.currentTerm
RoleMatches(e)     == role'[e.node] = e.state.role
VoteMatches(e)     == votedFor'[e.node] = e.state.votedFor
LogMatches(e)      == IF Has(e.state, "log") THEN log'[e.node] = Entries(e.state.log) ELSE log'[e.node] = log[e.node]
SnapshotMatches(e) == /\ snapshotIndex'[e.node] = e.state.snapshotIndex
                      /\ snapshotTerm'[e.node] = e.state.snapshotTerm
CommitMatches(e)   == commitIndex'[e.node] = e.state.commitIndex
LeaderStateMatches(e) ==
    role'[e.node] = "Leader" =>
        /\ Has(e.state, "nextIndex") /\ Has(e.state, "matchIndex")
        /\ \A j \in Server \ {e.node} :
               /\ nextIndex'[e.node][j] = e.state.nextIndex[ToString(j)]
               /\ matchIndex'[e.node][j] = e.state.matchIndex[ToString(j)]

----------------------------------------------------------------------------
(* One IsX per event kind / action.  Each consumes one event (TraceStep). *)

IsTimeout(e) ==
    /\ IsAction(e, "Timeout")
    /\ Timeout(e.node)
    /\ TermMatches(e)
    /\ RoleMatches(e)
    /\ VoteMatches(e)
    /\ LogMatches(e)
    /\ SnapshotMatches(e)
    /\ CommitMatches(e)
    /\ TraceStep

IsBecomeLeader(e) ==
    /\ IsAction(e, "BecomeLeader")
    /\ BecomeLeader(e.node)
    /\ TermMatches(e)
    /\ RoleMatches(e)
    /\ VoteMatches(e)
    /\ LogMatches(e)
    /\ SnapshotMatches(e)
    /\ CommitMatches(e)
    /\ LeaderStateMatches(e)
    /\ TraceStep

IsClientRequest(e) ==
    /\ IsAction(e, "ClientRequest")
    /\ e.state.log # <<>>
    /\ ClientRequest(e.node, e.state.log[Len(e.state.log)].value)
    /\ TermMatches(e)
    /\ RoleMatches(e)
    /\ VoteMatches(e)
    /\ LogMatches(e)
    /\ SnapshotMatches(e)
    /\ CommitMatches(e)
    /\ LeaderStateMatches(e)
    /\ TraceStep

IsAdvanceCommitIndex(e) ==
    /\ IsAction(e, "AdvanceCommitIndex")
    /\ AdvanceCommitIndex(e.node)
    /\ TermMatches(e)
    /\ RoleMatches(e)
    /\ VoteMatches(e)
    /\ LogMatches(e)
    /\ SnapshotMatches(e)
    /\ CommitMatches(e)
    /\ LeaderStateMatches(e)
    /\ TraceStep

IsTakeSnapshot(e) ==
    /\ IsAction(e, "TakeSnapshot")
    /\ TakeSnapshot(e.node, e.state.snapshotIndex)
    /\ TermMatches(e)
    /\ RoleMatches(e)
    /\ VoteMatches(e)
    /\ LogMatches(e)
    /\ SnapshotMatches(e)
    /\ CommitMatches(e)
    /\ LeaderStateMatches(e)
    /\ TraceStep

IsUpdateTerm(e) ==
    /\ IsAction(e, "UpdateTerm")
    /\ \E m \in Handled(e.node) : UpdateTerm(e.node, m.msource, m)
    /\ TermMatches(e)
    /\ RoleMatches(e)
    /\ VoteMatches(e)
    /\ LogMatches(e)
    /\ SnapshotMatches(e)
    /\ CommitMatches(e)
    /\ TraceStep

IsHandleRequestVote(e) ==
    /\ IsAction(e, "HandleRequestVote")
    /\ \E m \in Handled(e.node) : HandleRequestVote(e.node, m.msource, m)
    /\ TermMatches(e)
    /\ RoleMatches(e)
    /\ VoteMatches(e)
    /\ LogMatches(e)
    /\ SnapshotMatches(e)
    /\ CommitMatches(e)
    /\ LeaderStateMatches(e)
    /\ TraceStep

IsHandleRequestVoteResponse(e) ==
    /\ IsAction(e, "HandleRequestVoteResponse")
    /\ \E m \in Handled(e.node) : HandleRequestVoteResponse(e.node, m.msource, m)
    /\ TermMatches(e)
    /\ RoleMatches(e)
    /\ VoteMatches(e)
    /\ LogMatches(e)
    /\ SnapshotMatches(e)
    /\ CommitMatches(e)
    /\ LeaderStateMatches(e)
    /\ TraceStep

IsHandleAppendEntries(e) ==
    /\ IsAction(e, "HandleAppendEntries")
    /\ \E m \in Handled(e.node) : HandleAppendEntries(e.node, m.msource, m)
    /\ TermMatches(e)
    /\ RoleMatches(e)
    /\ VoteMatches(e)
    /\ LogMatches(e)
    /\ SnapshotMatches(e)
    /\ CommitMatches(e)
    /\ LeaderStateMatches(e)
    /\ TraceStep

IsHandleAppendEntriesResponse(e) ==
    /\ IsAction(e, "HandleAppendEntriesResponse")
    /\ \E m \in Handled(e.node) : HandleAppendEntriesResponse(e.node, m.msource, m)
    /\ TermMatches(e)
    /\ RoleMatches(e)
    /\ VoteMatches(e)
    /\ LogMatches(e)
    /\ SnapshotMatches(e)
    /\ CommitMatches(e)
    /\ LeaderStateMatches(e)
    /\ TraceStep

IsHandleInstallSnapshot(e) ==
    /\ IsAction(e, "HandleInstallSnapshot")
    /\ \E m \in Handled(e.node) : HandleInstallSnapshot(e.node, m.msource, m)
    /\ TermMatches(e)
    /\ RoleMatches(e)
    /\ VoteMatches(e)
    /\ LogMatches(e)
    /\ SnapshotMatches(e)
    /\ CommitMatches(e)
    /\ LeaderStateMatches(e)
    /\ TraceStep

IsHandleInstallSnapshotResponse(e) ==
    /\ IsAction(e, "HandleInstallSnapshotResponse")
    /\ \E m \in Handled(e.node) : HandleInstallSnapshotResponse(e.node, m.msource, m)
    /\ TermMatches(e)
    /\ RoleMatches(e)
    /\ VoteMatches(e)
    /\ LogMatches(e)
    /\ SnapshotMatches(e)
    /\ CommitMatches(e)
    /\ LeaderStateMatches(e)
    /\ TraceStep

\* Requests are spec steps of their own: the sender's state must allow exactly this message.
IsSendRequestVote(e) ==
    /\ IsKind(e, "send")
    /\ RaftMsgEvent(e)
    /\ e.msg.type = "RequestVote"
    /\ SendRequestVote(e.msg.from, e.msg.to)
    /\ Visible(RequestVoteMsg(e.msg.from, e.msg.to)) = TraceMsg(e)
    /\ TraceStep

IsSendAppendEntries(e) ==
    /\ IsKind(e, "send")
    /\ RaftMsgEvent(e)
    /\ e.msg.type = "AppendEntries"
    /\ SendAppendEntries(e.msg.from, e.msg.to, Len(e.msg.body.entries))
    /\ Visible(AppendEntriesMsg(e.msg.from, e.msg.to, Len(e.msg.body.entries))) = TraceMsg(e)
    /\ TraceStep

IsSendInstallSnapshot(e) ==
    /\ IsKind(e, "send")
    /\ RaftMsgEvent(e)
    /\ e.msg.type = "InstallSnapshot"
    /\ SendInstallSnapshot(e.msg.from, e.msg.to)
    /\ Visible(InstallSnapshotMsg(e.msg.from, e.msg.to)) = TraceMsg(e)
    /\ TraceStep

\* Responses were put in the network by the Handle action before them.
IsSendResponse(e) ==
    /\ IsKind(e, "send")
    /\ RaftMsgEvent(e)
    /\ e.msg.type \notin RequestTypes
    /\ InNetwork(TraceMsg(e))
    /\ UNCHANGED vars
    /\ TraceStep

\* A delivery only names the message the next Handle action of that node handles.
IsDeliver(e) ==
    /\ IsKind(e, "deliver")
    /\ RaftMsgEvent(e)
    /\ InNetwork(TraceMsg(e))
    /\ UNCHANGED vars
    /\ TraceStep

\* A crash loses the volatile state; the restart that follows changes nothing more.
IsCrash(e) ==
    /\ IsKind(e, "crash")
    /\ Restart(e.node)
    /\ TraceStep

\* The restart event may carry the persisted state: what survived must be what the spec kept.
IsRestart(e) ==
    /\ IsKind(e, "restart")
    /\ Has(e, "state") =>
           /\ Get(e.state, "currentTerm", currentTerm[e.node]) = currentTerm[e.node]
           /\ Get(e.state, "votedFor", votedFor[e.node]) = votedFor[e.node]
           /\ Get(e.state, "snapshotIndex", snapshotIndex[e.node]) = snapshotIndex[e.node]
           /\ Get(e.state, "snapshotTerm", snapshotTerm[e.node]) = snapshotTerm[e.node]
           /\ Has(e.state, "log") => Entries(e.state.log) = log[e.node]
    /\ UNCHANGED vars
    /\ TraceStep

\* Events with no spec step: timers, losses, duplicates, faults, client traffic.
IsSkip(e) ==
    /\ \/ e.kind \in {"timer", "drop", "duplicate", "fault"}
       \/ e.kind \in {"send", "deliver"} /\ ~RaftMsgEvent(e)
    /\ UNCHANGED vars
    /\ TraceStep

----------------------------------------------------------------------------

----------------------------------------------------------------------------
(* Invariants along a trace, with less work per state                      *)
(*                                                                         *)
(* TraceRaft.cfg checks Raft.tla's four invariants, substituting forms     *)
(* whose cost does not grow with the compacted logs, which grow with the   *)
(* trace (checked in every state, the originals made validation            *)
(* quadratic):                                                             *)
(*  - LogMatching: Raft.tla's LogMatchingByPrefix (equal to LogMatching in *)
(*    every state: LogMatchingFormsAgree, checked by the model-checking    *)
(*    configs), over each unordered pair of servers once (both of its      *)
(*    sides are symmetric in i and j), with TraceSeq's                     *)
(*    ConcatCommonPrefixLen for CommonPrefixLen: the same definition,      *)
(*    whose Java body remembers how far two compacted logs agree, so a     *)
(*    state that shares them with an earlier one compares only the live    *)
(*    logs.                                                                *)
(*  - StateMachineSafety and LeaderCompleteness: Raft.tla's ...ByTerm      *)
(*    forms, which compare one term; equal to the originals wherever       *)
(*    LogMatching holds (ByTermFormsAgree), and it is checked in every     *)
(*    state too.  StateMachineSafety, like ElectionSafety, over each       *)
(*    unordered pair of servers once.                                      *)
(* So a trace violates one of the four here exactly when it violates one   *)
(* of Raft.tla's, and TLC names the same invariant.                        *)

TraceLogMatching ==
    \A i, j \in Server : i < j =>
        LastTermAgreement(i, j, Min(LastIndex(i), LastIndex(j)))
            <= ConcatCommonPrefixLen(snapshotData[i], log[i], snapshotData[j], log[j])

\* StateMachineSafetyByTerm and ElectionSafety over each unordered pair once, like
\* TraceLogMatching: Min, AgreeUpTo and "both lead in one term" are symmetric in i and j, so
\* the pair (j, i) asks what (i, j) asked (the servers are integers, so i < j orders them).
TraceStateMachineSafety ==
    \A i, j \in Server : i < j => AgreeUpTo(i, j, Min(commitIndex[i], commitIndex[j]))

TraceElectionSafety ==
    \A i, j \in Server :
        (i < j /\ role[i] = "Leader" /\ role[j] = "Leader") => currentTerm[i] # currentTerm[j]

\* What TLC fingerprints to tell states apart (VIEW in TraceRaft.cfg): every variable but the
\* compacted entries, which only grow and would be hashed again in every state. States that
\* differ in nothing else are the same candidate for the rest of the trace (the compacted
\* entries are a function of the log that was compacted), and keeping one of two equal-view
\* states can only lose behaviours, never accept a trace no behaviour of the spec matches.
TraceView == <<l, currentTerm, role, votedFor, log, snapshotIndex, snapshotTerm, commitIndex,
               votesGranted, nextIndex, matchIndex, messages>>

TraceInit == TraceStart /\ Init

TraceNext ==
    /\ TraceRemaining
    /\ \/ IsTimeout(CurrentEvent)
       \/ IsBecomeLeader(CurrentEvent)
       \/ IsClientRequest(CurrentEvent)
       \/ IsAdvanceCommitIndex(CurrentEvent)
       \/ IsTakeSnapshot(CurrentEvent)
       \/ IsUpdateTerm(CurrentEvent)
       \/ IsHandleRequestVote(CurrentEvent)
       \/ IsHandleRequestVoteResponse(CurrentEvent)
       \/ IsHandleAppendEntries(CurrentEvent)
       \/ IsHandleAppendEntriesResponse(CurrentEvent)
       \/ IsHandleInstallSnapshot(CurrentEvent)
       \/ IsHandleInstallSnapshotResponse(CurrentEvent)
       \/ IsSendRequestVote(CurrentEvent)
       \/ IsSendAppendEntries(CurrentEvent)
       \/ IsSendInstallSnapshot(CurrentEvent)
       \/ IsSendResponse(CurrentEvent)
       \/ IsDeliver(CurrentEvent)
       \/ IsCrash(CurrentEvent)
       \/ IsRestart(CurrentEvent)
       \/ IsSkip(CurrentEvent)

TraceSpec == TraceInit /\ [][TraceNext]_<<vars, l>>

=============================================================================
