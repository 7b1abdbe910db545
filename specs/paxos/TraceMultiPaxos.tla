--------------------------- MODULE TraceMultiPaxos ---------------------------
(***************************************************************************)
(* Trace spec: replays an NDJSON trace of a Multi-Paxos implementation     *)
(* against MultiPaxos.tla, one event per step, on the network of           *)
(* specs/lib/TraceNet.tla (messages by identity, crash state, plan-bound   *)
(* faults).  The event-to-action table is in README.md.                    *)
(*                                                                         *)
(* The header binds the trace: the servers are the header's "server" role  *)
(* (their ascending order assigns ballots), the clients its "client"       *)
(* role; params.servers, params.clients and params.options.snapshotEvery   *)
(* must agree with them and with the trace.                                *)
(*                                                                         *)
(* Besides MultiPaxos.tla's state the trace spec keeps:                    *)
(*  - net: TraceNet's network and node state;                              *)
(*  - msgs: MultiPaxos.tla's network variable, here the answers (Promise,  *)
(*    Accepted) a handler produced that its node has not sent yet; every   *)
(*    other message is checked against its sender's state when sent;       *)
(*  - shipped: the snapshot an InstallSnapshot carried, by message id (the *)
(*    trace shows the store's image, the spec the chosen values);          *)
(*  - kv: each server's applied store (KvStore.tla; volatile: rebuilt from *)
(*    the snapshot on a crash);                                            *)
(*  - owed: the client reply a RedirectClient or AnswerFromSession action  *)
(*    owes, which the node's next send must be.                            *)
(***************************************************************************)
EXTENDS MultiPaxos, TraceNet, TraceSeq, KvStore

VARIABLES shipped, kv, owed

traceVars == <<shipped, kv, owed>>

PaxosTypes == {"Prepare", "Promise", "Accept", "Accepted", "Decide", "Heartbeat",
               "InstallSnapshot", "Nack", "CatchUp"}

\* Answers a handler produces and must send; every other type is checked when sent.
AnswerTypes == {"Promise", "Accepted"}

NoReply == [none |-> TRUE]

----------------------------------------------------------------------------
(* The header *)

Options == Get(TraceParams, "options", [x \in {} |-> ""])

\* The implementation's option text as a number (its default when absent); -1 when unreadable.
NumOption(k, d) ==
    LET t == Get(Options, k, ToString(d))
    IN IF \E n \in 0 .. 10000 : ToString(n) = t THEN CHOOSE n \in 0 .. 10000 : ToString(n) = t ELSE -1

\* Take a snapshot once this many slots were applied since the last one (0: never).
SnapshotEvery == NumOption("snapshotEvery", 16)

HeaderOk ==
    /\ TraceServers # {}
    /\ TraceServers \cap TraceClients = {}
    /\ TraceServers \cup TraceClients = TraceNodes
    /\ Param("servers", Cardinality(TraceServers)) = Cardinality(TraceServers)
    /\ SeqToSet(Param("clients", RoleSeq("client"))) = TraceClients
    /\ SnapshotEvery >= 0

----------------------------------------------------------------------------
(* From trace values to spec values *)

\* The spec record of Paxos message tm (a trace message); InstallSnapshot carries data.
SpecMsg(tm, data) ==
    LET t == tm.type
        b == tm.body
        f == tm.from
        d == tm.to
    IN CASE t = "Prepare" ->
              [mtype |-> t, msource |-> f, mdest |-> d, ballot |-> b.ballot]
         [] t = "Promise" ->
              [mtype |-> t, msource |-> f, mdest |-> d, ballot |-> b.ballot,
               accepted |-> SeqToSet(b.accepted), snapshotIndex |-> b.snapshotIndex]
         [] t = "Accept" ->
              [mtype |-> t, msource |-> f, mdest |-> d, ballot |-> b.ballot, slot |-> b.slot,
               value |-> b.value]
         [] t = "Accepted" ->
              [mtype |-> t, msource |-> f, mdest |-> d, ballot |-> b.ballot, slot |-> b.slot]
         [] t = "Decide" ->
              [mtype |-> t, msource |-> f, mdest |-> d, slot |-> b.slot, value |-> b.value]
         [] t = "Heartbeat" ->
              [mtype |-> t, msource |-> f, mdest |-> d, ballot |-> b.ballot,
               chosenUpTo |-> b.chosenUpTo]
         [] t = "InstallSnapshot" ->
              [mtype |-> t, msource |-> f, mdest |-> d, ballot |-> b.ballot, index |-> b.index,
               data |-> data]
         [] t = "Nack" ->
              [mtype |-> t, msource |-> f, mdest |-> d, ballot |-> b.ballot]
         [] t = "CatchUp" ->
              [mtype |-> t, msource |-> f, mdest |-> d, ballot |-> b.ballot, applied |-> b.applied]

PaxosMsgBetweenServers(tm) ==
    tm.type \in PaxosTypes /\ tm.from \in TraceServers /\ tm.to \in TraceServers

ClientRequestMsg(tm) ==
    tm.type = "ClientRequest" /\ tm.from \in TraceClients /\ tm.to \in TraceServers
    /\ tm.body.clientId = tm.from

ClientReplyMsg(tm) == tm.type = "ClientReply" /\ tm.from \in TraceServers /\ tm.to \in TraceClients

\* Answers wait for their send event; requests (and Decide, Heartbeat, ...) are checked when sent.
TraceReply(m) == msgs' = IF m.mtype \in AnswerTypes THEN msgs \cup {m} ELSE msgs
TraceBroadcast(ms) == UNCHANGED msgs

HasPending(i, type) == Pending(i) # NoMsg /\ Pending(i).type = type
HandledMsg(i) ==
    LET p == Pending(i)
    IN SpecMsg(p, IF p.type = "InstallSnapshot" THEN shipped[p.id] ELSE <<>>)

\* Node n has sent every answer its handlers produced and owes no client reply.
Settled(n) == (\A m \in msgs : m.msource # n) /\ owed[n] = NoReply

\* The trace's end condition: no delivery without its handler, no answer unsent.
PaxosQuiet == NetQuiet /\ msgs = {} /\ \A n \in TraceNodes : owed[n] = NoReply

\* The value a ClientRequest with body b proposes (as Raft's entries).
RequestValue(b) == ToString(b.clientId) \o ":" \o ToString(b.seq) \o ":" \o b.op

ReplyResult(b) == IF Has(b, "value") THEN <<b.value>> ELSE <<>>

\* The store after applying values seq[a+1 .. b].
RECURSIVE KvFoldValues(_, _, _, _)
KvFoldValues(st, sq, a, b) ==
    IF a >= b THEN st ELSE KvFoldValues(KvApply(st, FrozenAt(sq, a + 1)), sq, a + 1, b)

----------------------------------------------------------------------------
(* The state recorded with an action, compared with the spec state after it *)

\* A spec function over slots against a JSON object keyed by decimal slot numbers.
BySlotMatches(r, f) ==
    /\ DOMAIN r = {ToString(s) : s \in DOMAIN f}
    /\ \A s \in DOMAIN f : r[ToString(s)] = f[s]

StateMatches(e) ==
    LET i == e.node
        st == e.state
    IN /\ ballot'[i] = st.ballot
       /\ promised'[i] = st.promised
       /\ leader'[i] = st.leader
       /\ BySlotMatches(st.accepted, accepted'[i])
       /\ BySlotMatches(st.chosen, chosen'[i])
       /\ applied'[i] = st.applied
       /\ snapshotIndex'[i] = st.snapshotIndex

\* An action of server e.node that starts from a settled node.
ServerAction(e, a) == IsAction(e, a) /\ e.node \in TraceServers /\ Settled(e.node)

----------------------------------------------------------------------------
(* Actions that handle no delivery (NetAct) *)

IsStartBallot(e) ==
    /\ ServerAction(e, "StartBallot")
    /\ NetAct(e)
    /\ StartBallot(e.node)
    /\ StateMatches(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsApply(e) ==
    /\ ServerAction(e, "Apply")
    /\ NetAct(e)
    /\ Apply(e.node)
    /\ kv' = [kv EXCEPT ![e.node] = KvApply(@, chosen[e.node][applied[e.node] + 1])]
    /\ StateMatches(e)
    /\ UNCHANGED <<shipped, owed>>
    /\ TraceStep

\* The implementation snapshots once snapshotEvery slots were applied since the last snapshot.
IsTakeSnapshot(e) ==
    /\ ServerAction(e, "TakeSnapshot")
    /\ NetAct(e)
    /\ SnapshotEvery > 0
    /\ applied[e.node] - snapshotIndex[e.node] >= SnapshotEvery
    /\ TakeSnapshot(e.node)
    /\ StateMatches(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

\* The heartbeat timer fires at a leader: the Heartbeat sends follow (checked when sent).
IsSendHeartbeat(e) ==
    /\ ServerAction(e, "SendHeartbeat")
    /\ NetAct(e)
    /\ leader[e.node]
    /\ UNCHANGED <<vars, traceVars>>
    /\ StateMatches(e)
    /\ TraceStep

\* Recorded after a restart event: the state the crash left (nothing changes).
IsRestartAction(e) ==
    /\ ServerAction(e, "Restart")
    /\ NetAct(e)
    /\ UNCHANGED <<vars, traceVars>>
    /\ StateMatches(e)
    /\ TraceStep

----------------------------------------------------------------------------
(* Handlers: each consumes its node's pending delivery (NetConsume) *)

IsHandler(e, a, t, H(_, _)) ==
    /\ ServerAction(e, a)
    /\ HasPending(e.node, t)
    /\ NetConsume(e.node)
    /\ H(e.node, HandledMsg(e.node))
    /\ StateMatches(e)
    /\ TraceStep

IsHandlePrepare(e) ==
    IsHandler(e, "HandlePrepare", "Prepare", HandlePrepare) /\ UNCHANGED traceVars
IsHandlePromise(e) ==
    IsHandler(e, "HandlePromise", "Promise", HandlePromise) /\ UNCHANGED traceVars
IsHandleAccept(e) ==
    IsHandler(e, "HandleAccept", "Accept", HandleAccept) /\ UNCHANGED traceVars
IsHandleAccepted(e) ==
    IsHandler(e, "HandleAccepted", "Accepted", HandleAccepted) /\ UNCHANGED traceVars
IsHandleDecide(e) ==
    IsHandler(e, "HandleDecide", "Decide", HandleDecide) /\ UNCHANGED traceVars
IsHandleHeartbeat(e) ==
    IsHandler(e, "HandleHeartbeat", "Heartbeat", HandleHeartbeat) /\ UNCHANGED traceVars
IsHandleNack(e) ==
    IsHandler(e, "HandleNack", "Nack", HandleNack) /\ UNCHANGED traceVars
IsHandleCatchUp(e) ==
    IsHandler(e, "HandleCatchUp", "CatchUp", HandleCatchUp) /\ UNCHANGED traceVars

\* A snapshot beyond what the store applied replaces the store.
IsHandleInstallSnapshot(e) ==
    /\ IsHandler(e, "HandleInstallSnapshot", "InstallSnapshot", HandleInstallSnapshot)
    /\ LET i == e.node
           p == Pending(i)
           k == p.body.index
       IN kv' = [kv EXCEPT ![i] = IF snapshotIndex'[i] # snapshotIndex[i] /\ k > applied[i]
                                  THEN KvFoldValues(KvEmpty, shipped[p.id], 0, k) ELSE @]
    /\ UNCHANGED <<shipped, owed>>

----------------------------------------------------------------------------
(* Client requests: every delivered request is handled by one of three    *)
(* actions.                                                                *)

ClientHandler(e, a) ==
    /\ ServerAction(e, a)
    /\ HasPending(e.node, "ClientRequest")
    /\ NetConsume(e.node)

\* The leader proposes the command in its next slot.
IsPropose(e) ==
    /\ ClientHandler(e, "Propose")
    /\ Propose(e.node, RequestValue(Pending(e.node).body))
    /\ StateMatches(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

\* A server that does not lead answers with a failure.
IsRedirectClient(e) ==
    /\ ClientHandler(e, "RedirectClient")
    /\ ~leader[e.node]
    /\ owed' = [owed EXCEPT ![e.node] = [client |-> Pending(e.node).from,
                                          seq |-> Pending(e.node).body.seq, ok |-> FALSE]]
    /\ UNCHANGED <<vars, shipped, kv>>
    /\ StateMatches(e)
    /\ TraceStep

\* A server whose store applied the command answers a retry from the session table.
IsAnswerFromSession(e) ==
    /\ ClientHandler(e, "AnswerFromSession")
    /\ LET i == e.node
           b == Pending(i).body
       IN /\ KvApplied(kv[i], b.clientId, b.seq)
          /\ owed' = [owed EXCEPT ![i] = [client |-> b.clientId, seq |-> b.seq, ok |-> TRUE,
                                           res |-> KvAnswer(kv[i], b.clientId, b.seq)]]
    /\ UNCHANGED <<vars, shipped, kv>>
    /\ StateMatches(e)
    /\ TraceStep

PaysOwed(e) ==
    LET i == e.node
        b == e.msg.body
        o == owed[i]
    IN /\ o # NoReply
       /\ o.client = e.msg.to /\ o.seq = b.seq /\ o.ok = b.ok
       /\ o.ok => o.res = ReplyResult(b)
       /\ owed' = [owed EXCEPT ![i] = NoReply]

\* A success reply from a server whose store applied the command, with the store's answer.
AnswersApplied(e) ==
    LET i == e.node
        b == e.msg.body
    IN /\ Settled(i)
       /\ b.ok
       /\ KvApplied(kv[i], e.msg.to, b.seq)
       /\ KvAnswer(kv[i], e.msg.to, b.seq) = ReplyResult(b)
       /\ UNCHANGED owed

\* A failure reply the node does not owe: allowed whenever (the client retries).
AnswersFailure(e) == Settled(e.node) /\ ~e.msg.body.ok /\ UNCHANGED owed

----------------------------------------------------------------------------
(* Sends (NetSend binds the message id) *)

\* A message its sender's state allows now: the spec's sending action, and the same message.
SendAllowed(e) ==
    LET i == e.msg.from
        j == e.msg.to
        b == e.msg.body
        m == SpecMsg(e.msg, snapshot[i])
    IN CASE e.msg.type = "Prepare"   -> preparing[i] /\ m = PrepareMsg(i, j, ballot[i])
         [] e.msg.type = "Accept"    -> /\ leader[i] /\ b.slot \in DOMAIN proposals[i]
                                        /\ m = AcceptMsg(i, j, ballot[i], b.slot, proposals[i][b.slot])
         [] e.msg.type = "Decide"    -> SendDecide(i, j, b.slot) /\ m = DecideMsg(i, j, b.slot, KnownValue(i, b.slot))
         [] e.msg.type = "Heartbeat" -> SendHeartbeat(i, j) /\ m = HeartbeatMsg(i, j)
         [] e.msg.type = "InstallSnapshot" -> SendSnapshot(i, j) /\ m = InstallSnapshotMsg(i, j)
         [] e.msg.type = "Nack"      -> SendNack(i, j) /\ m = NackMsg(i, j)
         \* The implementation asks with the ballot of the heartbeat it follows, which is never below
         \* its promise (a heartbeat below the promise gets a Nack instead).
         [] e.msg.type = "CatchUp"   -> /\ b.ballot >= promised[i]
                                        /\ SendCatchUp(i, j, b.ballot) /\ m = CatchUpMsg(i, j, b.ballot)
         [] OTHER                    -> FALSE

IsSendRequest(e) ==
    /\ IsKind(e, "send")
    /\ PaxosMsgBetweenServers(e.msg)
    /\ e.msg.type \notin AnswerTypes
    /\ Settled(e.node)
    /\ NetSend(e)
    /\ SendAllowed(e)
    /\ UNCHANGED <<durableVars, volatileVars, proposed, msgs>>
    /\ shipped' = IF e.msg.type = "InstallSnapshot"
                  THEN shipped @@ (e.msg.id :> snapshot[e.msg.from]) ELSE shipped
    /\ UNCHANGED <<kv, owed>>
    /\ TraceStep

\* An answer its handler produced, sent as produced.
IsSendAnswer(e) ==
    /\ IsKind(e, "send")
    /\ PaxosMsgBetweenServers(e.msg)
    /\ e.msg.type \in AnswerTypes
    /\ NetSend(e)
    /\ SpecMsg(e.msg, <<>>) \in msgs
    /\ msgs' = msgs \ {SpecMsg(e.msg, <<>>)}
    /\ UNCHANGED <<durableVars, volatileVars, proposed, traceVars>>
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
    /\ UNCHANGED <<vars, shipped, kv>>
    /\ TraceStep

----------------------------------------------------------------------------
(* Deliveries, losses, duplicates, timers, faults, crashes *)

IsDeliver(e) ==
    /\ IsKind(e, "deliver")
    /\ \/ (PaxosMsgBetweenServers(e.msg) \/ ClientRequestMsg(e.msg)) /\ Settled(e.node) /\ NetDeliver(e)
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

\* A crash loses the volatile state (MultiPaxos.tla's Restart); the store is rebuilt from the snapshot.
IsCrash(e) ==
    /\ IsKind(e, "crash")
    /\ Settled(e.node)
    /\ NetCrash(e)
    /\ IF e.node \in TraceServers
       THEN /\ Restart(e.node)
            /\ kv' = [kv EXCEPT ![e.node] = KvFoldValues(KvEmpty, snapshot[e.node], 0,
                                                         snapshotIndex[e.node])]
       ELSE UNCHANGED <<vars, kv>>
    /\ UNCHANGED <<shipped, owed>>
    /\ TraceStep

\* The restart event may carry the persisted state: what it shows must be what the spec kept.
IsRestart(e) ==
    /\ IsKind(e, "restart")
    /\ NetRestart(e)
    /\ Has(e, "state") =>
           /\ e.node \in TraceServers
           /\ Get(e.state, "ballot", ballot[e.node]) = ballot[e.node]
           /\ Get(e.state, "promised", promised[e.node]) = promised[e.node]
           /\ Get(e.state, "snapshotIndex", snapshotIndex[e.node]) = snapshotIndex[e.node]
           \* the persisted accepted pairs as an array of [slot, ballot, value], like a Promise's
           /\ Has(e.state, "accepted") => SeqToSet(e.state.accepted) = AcceptedEntries(e.node)
    /\ UNCHANGED <<vars, traceVars>>
    /\ TraceStep

----------------------------------------------------------------------------
(* Invariants along a trace, with less work per state                      *)
(*                                                                         *)
(* MultiPaxos.tla's Agreement and SnapshotSafety read "chosen" off the     *)
(* network, which keeps every message; here the network holds only unsent  *)
(* answers, and every value a server knows chosen was chosen under the     *)
(* checks of its steps (a majority of Accepted of one ballot, counted by   *)
(* the leader).  Along a trace they are checked on what servers know:      *)
(* the known values of any two servers agree slot by slot (the snapshots   *)
(* through TraceSeq's ConcatCommonPrefixLen, which remembers how far two   *)
(* compacted prefixes agree), and a snapshot never passes what was         *)
(* applied.  Under that Agreement, LogConsistency is "every applied slot   *)
(* is known" and Validity need only look at the live slots (snapshot       *)
(* values were checked when they were chosen).                             *)

TraceAgreement ==
    \A i, j \in Server : i < j =>
        LET m == IF snapshotIndex[i] <= snapshotIndex[j] THEN snapshotIndex[i] ELSE snapshotIndex[j]
            M == Max(snapshotIndex[i], snapshotIndex[j])
        IN /\ ConcatCommonPrefixLen(snapshot[i], <<>>, snapshot[j], <<>>) >= m
           /\ \A s \in ((m + 1) .. M) \cup DOMAIN chosen[i] \cup DOMAIN chosen[j] :
                  (Knows(i, s) /\ Knows(j, s)) => KnownValue(i, s) = KnownValue(j, s)

TraceValidity ==
    \A i \in Server :
        /\ \A s \in DOMAIN chosen[i] : chosen[i][s] \in proposed \cup {Noop}
        /\ \A s \in DOMAIN accepted[i] : accepted[i][s][2] \in proposed \cup {Noop}

TraceLogConsistency ==
    \A i \in Server : \A s \in (snapshotIndex[i] + 1) .. applied[i] : s \in DOMAIN chosen[i]

TraceSnapshotSafety == \A i \in Server : snapshotIndex[i] <= applied[i]

\* What TLC fingerprints: every variable but the snapshots (in snapshot and shipped), which only
\* grow; they are a function of the chosen values that were compacted.
TraceView == <<l, net, ballot, promised, accepted, snapshotIndex, leader, chosen, applied,
               preparing, promises, votes, proposals, nextSlot, proposed, msgs, kv, owed>>

TraceInit ==
    /\ TraceStart
    /\ Init
    /\ NetInit
    /\ shipped = [x \in {} |-> <<>>]
    /\ kv = [i \in Server |-> KvEmpty]
    /\ owed = [n \in TraceNodes |-> NoReply]

TraceNext ==
    /\ TraceRemaining
    /\ HeaderOk
    /\ \/ IsStartBallot(CurrentEvent)
       \/ IsApply(CurrentEvent)
       \/ IsTakeSnapshot(CurrentEvent)
       \/ IsRestartAction(CurrentEvent)
       \/ IsSendHeartbeat(CurrentEvent)
       \/ IsHandlePrepare(CurrentEvent)
       \/ IsHandlePromise(CurrentEvent)
       \/ IsHandleAccept(CurrentEvent)
       \/ IsHandleAccepted(CurrentEvent)
       \/ IsHandleDecide(CurrentEvent)
       \/ IsHandleHeartbeat(CurrentEvent)
       \/ IsHandleNack(CurrentEvent)
       \/ IsHandleCatchUp(CurrentEvent)
       \/ IsHandleInstallSnapshot(CurrentEvent)
       \/ IsPropose(CurrentEvent)
       \/ IsRedirectClient(CurrentEvent)
       \/ IsAnswerFromSession(CurrentEvent)
       \/ IsSendRequest(CurrentEvent)
       \/ IsSendAnswer(CurrentEvent)
       \/ IsSendClientRequest(CurrentEvent)
       \/ IsSendClientReply(CurrentEvent)
       \/ IsDeliver(CurrentEvent)
       \/ IsNetwork(CurrentEvent)
       \/ IsCrash(CurrentEvent)
       \/ IsRestart(CurrentEvent)

TraceSpec == TraceInit /\ [][TraceNext]_<<vars, net, traceVars, l>>

=============================================================================
