------------------------------ MODULE TraceRaft ------------------------------
(***************************************************************************)
(* Trace spec: replays an NDJSON trace of a Raft implementation against    *)
(* Raft.tla, one event per step (the ewd998 trace-spec pattern, through    *)
(* specs/lib/TraceValidation.tla), on the network of specs/lib/TraceNet.tla *)
(* (messages by identity, crash state, plan-bound faults).  The mapping of *)
(* event kinds to actions is in README.md ("Event <-> action mapping").    *)
(*                                                                         *)
(* The header binds the trace: the servers are the header's "server" role, *)
(* the clients its "client" role; params.servers, params.clients and       *)
(* params.options.snapshotEvery must agree with them and with the trace.   *)
(*                                                                         *)
(* Besides Raft.tla's state the trace spec keeps:                          *)
(*  - net: TraceNet's network and node state;                              *)
(*  - messages: Raft.tla's network variable, here the answers a handler    *)
(*    produced that its node has not sent yet (a send event must then     *)
(*    name exactly such an answer; requests are checked when sent);        *)
(*  - shipped: the compacted entries an InstallSnapshot carried, by the    *)
(*    message id (the trace shows the store's image, the spec the entries); *)
(*  - applied, kv: how far each server's store is known applied and the    *)
(*    store there (volatile: rebuilt from the snapshot on restart);        *)
(*  - owed: the client reply a RedirectClient or AnswerFromSession action  *)
(*    owes, which the node's next send must be.                            *)
(***************************************************************************)
EXTENDS Raft, RaftTraceForms, TraceNet, TraceSeq, KvStore

VARIABLES shipped, applied, kv, owed

traceVars == <<shipped, applied, kv, owed>>

RaftTypes == {"RequestVote", "RequestVoteResponse", "AppendEntries",
              "AppendEntriesResponse", "InstallSnapshot", "InstallSnapshotResponse"}

RequestTypes == {"RequestVote", "AppendEntries", "InstallSnapshot"}

NoReply == [none |-> TRUE]

----------------------------------------------------------------------------
(* The header *)

Options == Get(TraceParams, "options", [x \in {} |-> ""])

\* The implementation's option text as a number (its default when absent); -1 when unreadable.
NumOption(k, d) ==
    LET t == Get(Options, k, ToString(d))
    IN IF \E n \in 0 .. 10000 : ToString(n) = t THEN CHOOSE n \in 0 .. 10000 : ToString(n) = t ELSE -1

\* Take a snapshot once this many entries were applied since the last one (0: never).
SnapshotEvery == NumOption("snapshotEvery", 16)

\* What the header says about the cluster agrees with its roles.
HeaderOk ==
    /\ TraceServers # {}
    /\ TraceServers \cap TraceClients = {}
    /\ TraceServers \cup TraceClients = TraceNodes
    /\ Param("servers", Cardinality(TraceServers)) = Cardinality(TraceServers)
    /\ SeqToSet(Param("clients", RoleSeq("client"))) = TraceClients
    /\ SnapshotEvery >= 0

----------------------------------------------------------------------------
(* From trace values to spec values *)

\* Log entries as the spec writes them (extra fields of the trace are ignored).
Entries(s) == [k \in 1 .. Len(s) |-> [term |-> s[k].term, value |-> s[k].value]]

\* The spec record of Raft message tm (a trace message); InstallSnapshot carries data.
SpecMsg(tm, data) ==
    LET t == tm.type
        b == tm.body
        f == tm.from
        d == tm.to
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
               lastIncludedTerm |-> b.lastIncludedTerm, data |-> data]
         [] t = "InstallSnapshotResponse" ->
              [mtype |-> t, msource |-> f, mdest |-> d, term |-> b.term,
               matchIndex |-> b.matchIndex]

\* A Raft message between two servers (helpers are not named Is...: those are the IsX actions).
RaftMsgBetweenServers(tm) == tm.type \in RaftTypes /\ tm.from \in TraceServers /\ tm.to \in TraceServers

ClientRequestMsg(tm) ==
    tm.type = "ClientRequest" /\ tm.from \in TraceClients /\ tm.to \in TraceServers
    /\ tm.body.clientId = tm.from

ClientReplyMsg(tm) == tm.type = "ClientReply" /\ tm.from \in TraceServers /\ tm.to \in TraceClients

\* Answers are sent unchanged; a request is built from the sender's state (data not shown).
TraceSend(m) == messages' = IF m.mtype \in RequestTypes THEN messages ELSE messages \cup {m}

\* The message node i's handler works on: its pending delivery.
HasPending(i, type) == Pending(i) # NoMsg /\ Pending(i).type = type
HandledMsg(i) ==
    LET p == Pending(i)
    IN SpecMsg(p, IF p.type = "InstallSnapshot" THEN shipped[p.id] ELSE <<>>)

\* Node n has sent every answer its handlers produced and owes no client reply.
Settled(n) == (\A m \in messages : m.msource # n) /\ owed[n] = NoReply

\* The trace's end condition: no delivery without its handler, no answer unsent.
RaftQuiet == NetQuiet /\ messages = {} /\ \A n \in TraceNodes : owed[n] = NoReply

----------------------------------------------------------------------------
(* The key-value store a server applied (KvStore.tla) *)

\* Entry k (absolute index) of server i's log, compacted or not.
EntryValue(i, k) == EntryAt(snapshotData[i], log[i], k).value

\* The store st after applying entries a+1 .. b of the log whose compacted part is snap and
\* whose live part is lg.  conform-checker computes it in a loop (KvStoreOperators): TLC's
\* recursion is as deep as the log is long and overflows the stack on long traces.
RECURSIVE KvFoldOf(_, _, _, _, _)
KvFoldOf(st, snap, lg, a, b) ==
    IF a >= b THEN st ELSE KvFoldOf(KvApply(st, EntryAt(snap, lg, a + 1).value), snap, lg, a + 1, b)

\* The store st after applying server i's entries a+1 .. b.
KvFold(st, i, a, b) == KvFoldOf(st, snapshotData[i], log[i], a, b)

\* Server i's store with its whole committed prefix applied.
KvCommitted(i) == KvFold(kv[i], i, applied[i], commitIndex[i])

\* A reply body's result as KvStore writes results.
ReplyResult(b) == IF Has(b, "value") THEN <<b.value>> ELSE <<>>

\* The entry value a ClientRequest appends for request body b.
RequestValue(b) == ToString(b.clientId) \o ":" \o ToString(b.seq) \o ":" \o b.op

----------------------------------------------------------------------------
(* The state recorded with an action, compared with the spec state after it *)

LogMatches(e) == IF Has(e.state, "log") THEN log'[e.node] = Entries(e.state.log)
                 ELSE log'[e.node] = log[e.node]

LeaderStateMatches(e) ==
    role'[e.node] = "Leader" =>
        /\ Has(e.state, "nextIndex") /\ Has(e.state, "matchIndex")
        /\ \A j \in Server \ {e.node} :
               /\ nextIndex'[e.node][j] = e.state.nextIndex[ToString(j)]
               /\ matchIndex'[e.node][j] = e.state.matchIndex[ToString(j)]

\* A candidate may record the votes it counted (the bundled implementation does): they must be
\* the spec's, so a vote counted from a stale or refused response is caught when it is counted.
CandidateStateMatches(e) ==
    Has(e.state, "votesGranted") =>
        /\ role'[e.node] = "Candidate"
        /\ votesGranted'[e.node] = {e.state.votesGranted[k] : k \in DOMAIN e.state.votesGranted}

StateMatches(e) ==
    /\ currentTerm'[e.node] = e.state.currentTerm
    /\ role'[e.node] = e.state.role
    /\ votedFor'[e.node] = e.state.votedFor
    /\ LogMatches(e)
    /\ snapshotIndex'[e.node] = e.state.snapshotIndex
    /\ snapshotTerm'[e.node] = e.state.snapshotTerm
    /\ commitIndex'[e.node] = e.state.commitIndex
    /\ CandidateStateMatches(e)
    /\ LeaderStateMatches(e)

\* An action of server e.node that starts from a settled node.
ServerAction(e, a) == IsAction(e, a) /\ e.node \in TraceServers /\ Settled(e.node)

----------------------------------------------------------------------------
(* Actions that handle no delivery (NetAct) *)

IsTimeout(e) ==
    /\ ServerAction(e, "Timeout")
    /\ NetAct(e)
    /\ Timeout(e.node)
    /\ StateMatches(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsBecomeLeader(e) ==
    /\ ServerAction(e, "BecomeLeader")
    /\ NetAct(e)
    /\ BecomeLeader(e.node)
    /\ StateMatches(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsAdvanceCommitIndex(e) ==
    /\ ServerAction(e, "AdvanceCommitIndex")
    /\ NetAct(e)
    /\ AdvanceCommitIndex(e.node)
    /\ StateMatches(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

\* The implementation compacts up to its commit index once snapshotEvery entries were applied.
IsTakeSnapshot(e) ==
    /\ ServerAction(e, "TakeSnapshot")
    /\ NetAct(e)
    /\ SnapshotEvery > 0
    /\ commitIndex[e.node] - snapshotIndex[e.node] >= SnapshotEvery
    /\ TakeSnapshot(e.node, commitIndex[e.node])
    /\ StateMatches(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

\* A higher term in the delivered message, before its handler (which consumes it).
IsUpdateTerm(e) ==
    /\ ServerAction(e, "UpdateTerm")
    /\ NetAct(e)
    /\ Pending(e.node) # NoMsg
    /\ Pending(e.node).type \in RaftTypes
    /\ LET m == HandledMsg(e.node) IN UpdateTerm(e.node, m.msource, m)
    /\ StateMatches(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

----------------------------------------------------------------------------
(* Handlers: each consumes its node's pending delivery (NetConsume) *)

\* The handler action a of the delivered message of type t, as Raft.tla's action H.
IsHandler(e, a, t, H(_, _, _)) ==
    /\ ServerAction(e, a)
    /\ HasPending(e.node, t)
    /\ NetConsume(e.node)
    /\ LET m == HandledMsg(e.node) IN H(e.node, m.msource, m)
    /\ StateMatches(e)
    /\ TraceStep

IsHandleRequestVote(e) ==
    /\ IsHandler(e, "HandleRequestVote", "RequestVote", HandleRequestVote)
    /\ UNCHANGED traceVars

IsHandleRequestVoteResponse(e) ==
    /\ IsHandler(e, "HandleRequestVoteResponse", "RequestVoteResponse", HandleRequestVoteResponse)
    /\ UNCHANGED traceVars

IsHandleAppendEntries(e) ==
    /\ IsHandler(e, "HandleAppendEntries", "AppendEntries", HandleAppendEntries)
    /\ UNCHANGED traceVars

IsHandleAppendEntriesResponse(e) ==
    /\ IsHandler(e, "HandleAppendEntriesResponse", "AppendEntriesResponse", HandleAppendEntriesResponse)
    /\ UNCHANGED traceVars

\* A snapshot newer than what the store applied replaces the store.
IsHandleInstallSnapshot(e) ==
    /\ IsHandler(e, "HandleInstallSnapshot", "InstallSnapshot", HandleInstallSnapshot)
    /\ LET i == e.node
           p == Pending(i)
           li == p.body.lastIncludedIndex
       IN IF snapshotIndex'[i] # snapshotIndex[i] /\ li > applied[i]
          THEN /\ applied' = [applied EXCEPT ![i] = li]
               /\ kv' = [kv EXCEPT ![i] = KvFoldOf(KvEmpty, shipped[p.id], <<>>, 0, li)]
          ELSE UNCHANGED <<applied, kv>>
    /\ UNCHANGED <<shipped, owed>>

IsHandleInstallSnapshotResponse(e) ==
    /\ IsHandler(e, "HandleInstallSnapshotResponse", "InstallSnapshotResponse", HandleInstallSnapshotResponse)
    /\ UNCHANGED traceVars

----------------------------------------------------------------------------
(* Client requests: every delivered request is handled by one of three    *)
(* actions, which apply the committed prefix to the store first.          *)

ClientHandler(e, a) ==
    /\ ServerAction(e, a)
    /\ HasPending(e.node, "ClientRequest")
    /\ NetConsume(e.node)

CatchUp(i) == /\ applied' = [applied EXCEPT ![i] = commitIndex[i]]
              /\ kv' = [kv EXCEPT ![i] = KvCommitted(i)]

\* The leader appends a command not applied yet.
IsClientRequest(e) ==
    /\ ClientHandler(e, "ClientRequest")
    /\ LET i == e.node
           b == Pending(i).body
       IN /\ ~KvApplied(KvCommitted(i), b.clientId, b.seq)
          /\ ClientRequest(i, RequestValue(b))
          /\ CatchUp(i)
    /\ StateMatches(e)
    /\ UNCHANGED <<shipped, owed>>
    /\ TraceStep

\* A server that does not lead answers with a failure (naming whichever leader it knows).
IsRedirectClient(e) ==
    /\ ClientHandler(e, "RedirectClient")
    /\ role[e.node] # "Leader"
    /\ owed' = [owed EXCEPT ![e.node] = [client |-> Pending(e.node).from,
                                          seq |-> Pending(e.node).body.seq, ok |-> FALSE]]
    /\ UNCHANGED <<vars, shipped, applied, kv>>
    /\ StateMatches(e)
    /\ TraceStep

\* The leader answers a retry of an applied command from the session table.
IsAnswerFromSession(e) ==
    /\ ClientHandler(e, "AnswerFromSession")
    /\ role[e.node] = "Leader"
    /\ LET i == e.node
           b == Pending(i).body
           st == KvCommitted(i)
       IN /\ KvApplied(st, b.clientId, b.seq)
          /\ owed' = [owed EXCEPT ![i] = [client |-> b.clientId, seq |-> b.seq, ok |-> TRUE,
                                           res |-> KvAnswer(st, b.clientId, b.seq)]]
          /\ CatchUp(i)
    /\ UNCHANGED <<vars, shipped>>
    /\ StateMatches(e)
    /\ TraceStep

\* A reply the node owes (from RedirectClient or AnswerFromSession).
PaysOwed(e) ==
    LET i == e.node
        b == e.msg.body
        o == owed[i]
    IN /\ o # NoReply
       /\ o.client = e.msg.to /\ o.seq = b.seq /\ o.ok = b.ok
       /\ o.ok => o.res = ReplyResult(b)
       /\ owed' = [owed EXCEPT ![i] = NoReply]
       /\ UNCHANGED <<applied, kv>>

\* A leader applying committed entry k answers its client with the store's answer after it.
AnswersApplied(e) ==
    LET i == e.node
        b == e.msg.body
        c == e.msg.to
        ks == {k \in (applied[i] + 1) .. commitIndex[i] :
                  LET x == KvCommand(EntryValue(i, k)) IN x.client = c /\ x.seq = b.seq}
    IN /\ Settled(i)
       /\ b.ok
       /\ role[i] = "Leader"
       /\ \E k \in ks :
             LET st == KvFold(kv[i], i, applied[i], k)
             IN /\ KvAnswer(st, c, b.seq) = ReplyResult(b)
                /\ applied' = [applied EXCEPT ![i] = k]
                /\ kv' = [kv EXCEPT ![i] = st]
       /\ UNCHANGED owed

\* A failure reply the node does not owe: allowed whenever (the client retries).
AnswersFailure(e) == Settled(e.node) /\ ~e.msg.body.ok /\ UNCHANGED <<applied, kv, owed>>

----------------------------------------------------------------------------
(* Sends (NetSend binds the message id) *)

\* Requests are spec steps of their own: the sender's state must allow exactly this message.
IsSendRequestVote(e) ==
    /\ IsKind(e, "send")
    /\ RaftMsgBetweenServers(e.msg)
    /\ e.msg.type = "RequestVote"
    /\ Settled(e.node)
    /\ NetSend(e)
    /\ SendRequestVote(e.msg.from, e.msg.to)
    /\ RequestVoteMsg(e.msg.from, e.msg.to) = SpecMsg(e.msg, <<>>)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsSendAppendEntries(e) ==
    /\ IsKind(e, "send")
    /\ RaftMsgBetweenServers(e.msg)
    /\ e.msg.type = "AppendEntries"
    /\ Settled(e.node)
    /\ NetSend(e)
    /\ SendAppendEntries(e.msg.from, e.msg.to, Len(e.msg.body.entries))
    /\ AppendEntriesMsg(e.msg.from, e.msg.to, Len(e.msg.body.entries)) = SpecMsg(e.msg, <<>>)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsSendInstallSnapshot(e) ==
    /\ IsKind(e, "send")
    /\ RaftMsgBetweenServers(e.msg)
    /\ e.msg.type = "InstallSnapshot"
    /\ Settled(e.node)
    /\ NetSend(e)
    /\ SendInstallSnapshot(e.msg.from, e.msg.to)
    /\ InstallSnapshotMsg(e.msg.from, e.msg.to) = SpecMsg(e.msg, snapshotData[e.msg.from])
    /\ shipped' = shipped @@ (e.msg.id :> snapshotData[e.msg.from])
    /\ UNCHANGED <<applied, kv, owed>>
    /\ TraceStep

\* An answer its handler produced, sent as produced.
IsSendResponse(e) ==
    /\ IsKind(e, "send")
    /\ RaftMsgBetweenServers(e.msg)
    /\ e.msg.type \notin RequestTypes
    /\ NetSend(e)
    /\ SpecMsg(e.msg, <<>>) \in messages
    /\ messages' = messages \ {SpecMsg(e.msg, <<>>)}
    /\ UNCHANGED <<serverVars, logVars, leaderVars, traceVars>>
    /\ TraceStep

IsSendClientRequest(e) ==
    /\ IsKind(e, "send")
    /\ ClientRequestMsg(e.msg)
    /\ NetSend(e)
    /\ UNCHANGED <<vars, traceVars>>
    /\ TraceStep

IsSendClientReply(e) ==
    /\ IsKind(e, "send")
    /\ ClientReplyMsg(e.msg)
    /\ NetSend(e)
    /\ \/ PaysOwed(e)
       \/ AnswersApplied(e)
       \/ AnswersFailure(e)
    /\ UNCHANGED <<vars, shipped>>
    /\ TraceStep

----------------------------------------------------------------------------
(* Deliveries, losses, duplicates, timers, faults, crashes *)

\* A Raft message or client request waits for its handler; a reply is the client's receipt.
IsDeliver(e) ==
    /\ IsKind(e, "deliver")
    /\ \/ (RaftMsgBetweenServers(e.msg) \/ ClientRequestMsg(e.msg)) /\ Settled(e.node) /\ NetDeliver(e)
       \/ ClientReplyMsg(e.msg) /\ NetDeliverTo(e, FALSE)
    /\ UNCHANGED <<vars, traceVars>>
    /\ TraceStep

IsNetwork(e) ==
    /\ \/ IsKind(e, "drop") /\ NetDrop(e)
       \/ IsKind(e, "duplicate") /\ NetDuplicate(e)
       \/ IsKind(e, "fault") /\ NetFault(e)
       \/ IsKind(e, "timer") /\ Settled(e.node) /\ NetTimer(e)
    /\ UNCHANGED <<vars, traceVars>>
    /\ TraceStep

\* A crash loses the volatile state (Raft.tla's Restart) and the store, rebuilt from the snapshot.
IsCrash(e) ==
    /\ IsKind(e, "crash")
    /\ Settled(e.node)
    /\ NetCrash(e)
    /\ IF e.node \in TraceServers
       THEN /\ Restart(e.node)
            /\ applied' = [applied EXCEPT ![e.node] = snapshotIndex[e.node]]
            /\ kv' = [kv EXCEPT ![e.node] = KvFold(KvEmpty, e.node, 0, snapshotIndex[e.node])]
       ELSE UNCHANGED <<vars, applied, kv>>
    /\ UNCHANGED <<shipped, owed>>
    /\ TraceStep

\* The restart event may carry the persisted state: it must be exactly what the spec kept.
IsRestart(e) ==
    /\ IsKind(e, "restart")
    /\ NetRestart(e)
    /\ Has(e, "state") =>
           /\ e.node \in TraceServers
           /\ Get(e.state, "currentTerm", -1) = currentTerm[e.node]
           /\ Get(e.state, "votedFor", -1) = votedFor[e.node]
           /\ Get(e.state, "snapshotIndex", -1) = snapshotIndex[e.node]
           /\ Get(e.state, "snapshotTerm", -1) = snapshotTerm[e.node]
           /\ Has(e.state, "log") /\ Entries(e.state.log) = log[e.node]
    /\ UNCHANGED <<vars, traceVars>>
    /\ TraceStep

----------------------------------------------------------------------------
(* Invariants along a trace, with less work per state                      *)
(*                                                                         *)
(* TraceRaft.cfg checks Raft.tla's four invariants, substituting forms     *)
(* whose cost does not grow with the compacted logs, which grow with the   *)
(* trace (checked in every state, the originals made validation            *)
(* quadratic):                                                             *)
(*  - LogMatching: RaftTraceForms's LogMatchingByPrefix (equal to        *)
(*    LogMatching in every state: LogMatchingFormsAgree, checked by the    *)
(*    model-checking configs), over each unordered pair of servers once (both of its      *)
(*    sides are symmetric in i and j), with TraceSeq's                     *)
(*    ConcatCommonPrefixLen for CommonPrefixLen: the same definition,      *)
(*    whose Java body remembers how far two compacted logs agree, so a     *)
(*    state that shares them with an earlier one compares only the live    *)
(*    logs.                                                                *)
(*  - StateMachineSafety and LeaderCompleteness: RaftTraceForms's ...ByTerm *)
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
\* compacted entries (in snapshotData and shipped), which only grow and would be hashed again in
\* every state. States that differ in nothing else are the same candidate for the rest of the
\* trace (the compacted entries are a function of the log that was compacted), and keeping one
\* of two equal-view states can only lose behaviours, never accept a trace no behaviour of the
\* spec matches.
TraceView == <<l, net, currentTerm, role, votedFor, log, snapshotIndex, snapshotTerm, commitIndex,
               votesGranted, nextIndex, matchIndex, messages, applied, kv, owed>>

TraceInit ==
    /\ TraceStart
    /\ Init
    /\ NetInit
    /\ shipped = [x \in {} |-> <<>>]
    /\ applied = [i \in Server |-> 0]
    /\ kv = [i \in Server |-> KvEmpty]
    /\ owed = [n \in TraceNodes |-> NoReply]

TraceNext ==
    /\ TraceRemaining
    /\ HeaderOk
    /\ \/ IsTimeout(CurrentEvent)
       \/ IsBecomeLeader(CurrentEvent)
       \/ IsClientRequest(CurrentEvent)
       \/ IsRedirectClient(CurrentEvent)
       \/ IsAnswerFromSession(CurrentEvent)
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
       \/ IsSendClientRequest(CurrentEvent)
       \/ IsSendClientReply(CurrentEvent)
       \/ IsDeliver(CurrentEvent)
       \/ IsNetwork(CurrentEvent)
       \/ IsCrash(CurrentEvent)
       \/ IsRestart(CurrentEvent)

TraceSpec == TraceInit /\ [][TraceNext]_<<vars, net, traceVars, l>>

=============================================================================
