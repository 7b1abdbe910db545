------------------------------- MODULE MbtRaft -------------------------------
(***************************************************************************)
(* Behaviours of MCRaft for model-based tests (conform mbt raft): TLC      *)
(* simulates this module and the implementation is driven through each     *)
(* behaviour step by step.  Every step is one of MCRaft's MCNext steps,    *)
(* labelled:                                                               *)
(*  - mbtStep: the action, the server taking it and the message it         *)
(*    handled, so the driver knows which message to deliver, which timer   *)
(*    to fire, whom to restart;                                            *)
(*  - mbtOwed: the steps the implementation takes in the same handler as   *)
(*    the last one, in its order, which are then the next steps.  A        *)
(*    handler is atomic in the implementation: a higher term is adopted    *)
(*    (UpdateTerm) right before the message is handled; a timeout sends    *)
(*    its RequestVotes at once; the vote that completes a majority elects  *)
(*    (BecomeLeader) and the new leader sends AppendEntries to every peer; *)
(*    an AppendEntries answer advances the commit index when it can and    *)
(*    sends the follower the next entries when it lags or refused; a       *)
(*    client command is sent to every peer; a heartbeat goes to every      *)
(*    peer; a commit is compacted at once (with Compaction).  Schedules    *)
(*    splitting a handler are left out, nothing else;                      *)
(*  - mbtOptions: the constants the implementation is run with.            *)
(* A client command is a value "client:seq:op" (the implementation's log   *)
(* entry); each value is appended once (the store answers a command it     *)
(* already applied from its session table instead), so give each value    *)
(* its own client.  With Compaction the implementation runs with          *)
(* snapshotEvery = 1: a handler that commits compacts everything it        *)
(* committed (TakeSnapshot up to the commit index, owed).                  *)
(***************************************************************************)
EXTENDS MCRaft

VARIABLES mbtStep, mbtOwed, mbtOptions

mbtVars == <<mcVars, mbtStep, mbtOwed, mbtOptions>>

ASSUME Cardinality(Server) >= 2 /\ Server \subseteq Nat

NoMsg == [type |-> "none"]

\* A step the implementation owes: action a of server i (to peer j, on message m).
Owe(a, i, j, m) == [action |-> a, node |-> i, peer |-> j, msg |-> m]

\* The peers of i in ascending order.
PeerSeq(i) ==
    LET P == Server \ {i}
    IN CHOOSE s \in [1 .. Cardinality(P) -> P] : \A a, b \in DOMAIN s : a < b => s[a] < s[b]

\* Action a of i to every peer, in the order of PeerSeq.
ToPeers(a, i) == [k \in DOMAIN PeerSeq(i) |-> Owe(a, i, PeerSeq(i)[k], NoMsg)]

Label(a, i, m) == mbtStep' = [action |-> a, node |-> i, msg |-> m] /\ UNCHANGED mbtOptions

\* The step labelled (a, i, m), after which the implementation owes the steps in owed.
Step(a, i, m, owed) == Label(a, i, m) /\ mbtOwed' = owed

\* With compaction, a handler that committed compacts up to its commit index.
Compacts(i) ==
    IF Compaction /\ commitIndex'[i] > snapshotIndex'[i] THEN <<Owe("TakeSnapshot", i, i, NoMsg)>> ELSE <<>>

\* After a handler changed matchIndex of leader i: whether AdvanceCommitIndex is enabled.
CommitReady(i) ==
    LET agree(k) == {i} \cup {j \in Server \ {i} : matchIndex'[i][j] >= k}
        agreed == {k \in (commitIndex[i] + 1) .. LastIndex(i) : IsQuorum(agree(k))}
    IN /\ role[i] = "Leader"
       /\ agreed # {}
       /\ Flaw = "CommitOldTerm" \/ TermAt(i, SetMax(agreed)) = currentTerm[i]

\* What a leader owes after an answer from j raised its match or refused: the commit, then
\* the next entries for j when it lags or refused (a current answer only).
AfterAnswer(i, j, m, refused) ==
    (IF CommitReady(i) THEN <<Owe("AdvanceCommitIndex", i, i, NoMsg)>> ELSE <<>>)
    \o (IF /\ m.term = currentTerm[i] /\ role[i] = "Leader"
           /\ refused \/ nextIndex'[i][j] <= LastIndex(i)
        THEN <<Owe("SendAppendEntries", i, j, NoMsg)>> ELSE <<>>)

\* Server i handles m (its term is not newer); then owes the rest of its handler and rest.
Handle(i, m, rest) ==
    LET a == "Handle" \o m.mtype
        j == m.msource
    IN CASE m.mtype = "RequestVote" ->
              MCHandleRequestVote(m) /\ Step(a, i, m, rest)
         [] m.mtype = "RequestVoteResponse" ->
              /\ MCHandleRequestVoteResponse(m)
              /\ Step(a, i, m, (IF role[i] = "Candidate" /\ IsQuorum(votesGranted'[i])
                                THEN <<Owe("BecomeLeader", i, i, NoMsg)>> ELSE <<>>) \o rest)
         [] m.mtype = "AppendEntries" ->
              MCHandleAppendEntries(m) /\ Step(a, i, m, Compacts(i) \o rest)
         [] m.mtype = "AppendEntriesResponse" ->
              MCHandleAppendEntriesResponse(m) /\ Step(a, i, m, AfterAnswer(i, j, m, ~m.success) \o rest)
         [] m.mtype = "InstallSnapshot" ->
              MCHandleInstallSnapshot(m) /\ Step(a, i, m, Compacts(i) \o rest)
         [] m.mtype = "InstallSnapshotResponse" ->
              MCHandleInstallSnapshotResponse(m) /\ Step(a, i, m, AfterAnswer(i, j, m, FALSE) \o rest)

\* The implementation's sendAppend: the entries from nextIndex on, or the snapshot.
Replicate(i, j, rest) ==
    IF nextIndex[i][j] > snapshotIndex[i]
    THEN MCSendAppendEntries(i, j) /\ Step("SendAppendEntries", i, NoMsg, rest)
    ELSE MCSendInstallSnapshot(i, j) /\ Step("SendInstallSnapshot", i, NoMsg, rest)

\* A message reaches its destination: a newer term is adopted first.
Arrive(m) ==
    LET i == m.mdest
    IN IF m.term > currentTerm[i]
       THEN MCUpdateTerm(m) /\ Step("UpdateTerm", i, m, <<Owe("Handle" \o m.mtype, i, m.msource, m)>>)
       ELSE Handle(i, m, <<>>)

\* Whether value v is in i's log, compacted part included.
Holds(i, v) == \E k \in 1 .. Len(FullLog(i)) : FullLog(i)[k].value = v

MbtInit ==
    /\ MCInit
    /\ mbtStep = [action |-> "Init", node |-> CHOOSE i \in Server : TRUE, msg |-> NoMsg]
    /\ mbtOwed = <<>>
    /\ mbtOptions = [flaw |-> Flaw, compaction |-> Compaction]

OwedStep ==
    LET o == Head(mbtOwed)
        rest == Tail(mbtOwed)
        i == o.node
    IN CASE o.action = "SendRequestVote" -> MCSendRequestVote(i, o.peer) /\ Step(o.action, i, NoMsg, rest)
         [] o.action = "SendAppendEntries" -> Replicate(i, o.peer, rest)
         [] o.action = "BecomeLeader" ->
              MCBecomeLeader(i) /\ Step(o.action, i, NoMsg, ToPeers("SendAppendEntries", i) \o rest)
         [] o.action = "AdvanceCommitIndex" ->
              MCAdvanceCommitIndex(i) /\ Step(o.action, i, NoMsg, Compacts(i) \o rest)
         [] o.action = "TakeSnapshot" -> MCTakeSnapshot(i, commitIndex[i]) /\ Step(o.action, i, NoMsg, rest)
         [] o.action \in {"Handle" \o t : t \in {"RequestVote", "RequestVoteResponse", "AppendEntries",
                                                  "AppendEntriesResponse", "InstallSnapshot",
                                                  "InstallSnapshotResponse"}} -> Handle(i, o.msg, rest)

FreeStep ==
    \/ \E i \in Server : MCTimeout(i) /\ Step("Timeout", i, NoMsg, ToPeers("SendRequestVote", i))
    \* The heartbeat: the first peer's entries now, the others' owed.
    \/ \E i \in Server : role[i] = "Leader" /\ Replicate(i, PeerSeq(i)[1], Tail(ToPeers("SendAppendEntries", i)))
    \/ \E i \in Server, v \in Value : /\ ~Holds(i, v)
                                      /\ MCClientRequest(i, v)
                                      /\ Step("ClientRequest", i, [type |-> "ClientRequest", value |-> v],
                                                ToPeers("SendAppendEntries", i))
    \/ \E i \in Server : MCRestart(i) /\ Step("Restart", i, NoMsg, <<>>)
    \/ \E m \in messages : Arrive(m)

MbtNext == IF mbtOwed # <<>> THEN OwedStep ELSE FreeStep

MbtSpec == MbtInit /\ [][MbtNext]_mbtVars
=============================================================================
