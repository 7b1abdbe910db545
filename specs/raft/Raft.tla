-------------------------------- MODULE Raft --------------------------------
(***************************************************************************)
(* Raft consensus (Ongaro & Ousterhout, 2014): leader election, log        *)
(* replication, the commit rule, log compaction with InstallSnapshot, and  *)
(* crash/restart with persistent and volatile state.                       *)
(*                                                                         *)
(* Written for the conform project; the action names, message types and    *)
(* message fields are those of the Java implementation's trace events,     *)
(* so that its traces can be replayed step by step (see TraceRaft.tla and  *)
(* the mapping in README.md).                                              *)
(*                                                                         *)
(* The network is the set of every message ever sent. A message can be     *)
(* received any number of times, in any order, or never: loss, duplication *)
(* and reordering need no actions of their own.                            *)
(*                                                                         *)
(* The constant Flaw switches on one teaching flaw (see Flaws); with       *)
(* Flaw = "None" the spec is Raft as published.                            *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Server,     \* the servers
    Value,      \* the client commands (opaque)
    Flaw        \* one of Flaws

Flaws == {"None", "VoteWithoutLogCheck", "CommitOldTerm",
          "AppendWithoutPrevCheck", "VoteTwice"}

ASSUME Flaw \in Flaws

\* votedFor when the server has not voted in its current term (server ids are never 0).
Nil == 0

Roles == {"Follower", "Candidate", "Leader"}

VARIABLES
    \* persistent
    currentTerm,    \* [Server -> Nat]
    votedFor,       \* [Server -> Server \cup {Nil}]
    log,            \* [Server -> Seq([term, value])]: the entries after the snapshot
    snapshotIndex,  \* [Server -> Nat]: last index covered by the snapshot
    snapshotTerm,   \* [Server -> Nat]: term of that entry (0 when there is none)
    snapshotData,   \* [Server -> Seq([term, value])]: the compacted entries; stands for the
                    \* state-machine image. Servers only ship it; the invariants read it.
    \* volatile
    role,           \* [Server -> Roles]
    commitIndex,    \* [Server -> Nat]
    votesGranted,   \* [Server -> SUBSET Server], meaningful for candidates
    nextIndex,      \* [Server -> [Server -> Nat]], meaningful for leaders
    matchIndex,     \* [Server -> [Server -> Nat]], meaningful for leaders
    \* network
    messages        \* set of message records

serverVars == <<currentTerm, votedFor, role>>
logVars    == <<log, snapshotIndex, snapshotTerm, snapshotData, commitIndex>>
leaderVars == <<votesGranted, nextIndex, matchIndex>>
vars       == <<serverVars, logVars, leaderVars, messages>>

----------------------------------------------------------------------------
(* Helpers *)

Max(a, b) == IF a >= b THEN a ELSE b
Min(a, b) == IF a <= b THEN a ELSE b
SetMax(S) == CHOOSE x \in S : \A y \in S : y <= x
SetMin(S) == CHOOSE x \in S : \A y \in S : x <= y

IsQuorum(S) == 2 * Cardinality(S) > Cardinality(Server)

LastIndex(i) == snapshotIndex[i] + Len(log[i])
LastTerm(i)  == IF log[i] = <<>> THEN snapshotTerm[i] ELSE log[i][Len(log[i])].term

\* Term of the entry at absolute index k, for snapshotIndex[i] <= k <= LastIndex(i).
TermAt(i, k) == IF k = snapshotIndex[i] THEN snapshotTerm[i]
                ELSE log[i][k - snapshotIndex[i]].term

\* The whole log, compacted prefix included (for the invariants only).
FullLog(i) == snapshotData[i] \o log[i]

\* Compacting appends entries to the compacted part, read back entry by entry.  Named so
\* that a trace config can substitute a representation TLC hashes faster (TraceRaft.cfg).
Compact(s, t) == s \o t
CompactedAt(s, k) == s[k]

Send(m) == messages' = messages \cup {m}

NoLeaderState == [j \in Server |-> 0]

----------------------------------------------------------------------------
(* Initial state: every server a follower in term 0 with an empty log. *)

Init ==
    /\ currentTerm   = [i \in Server |-> 0]
    /\ votedFor      = [i \in Server |-> Nil]
    /\ role          = [i \in Server |-> "Follower"]
    /\ log           = [i \in Server |-> <<>>]
    /\ snapshotIndex = [i \in Server |-> 0]
    /\ snapshotTerm  = [i \in Server |-> 0]
    /\ snapshotData  = [i \in Server |-> <<>>]
    /\ commitIndex   = [i \in Server |-> 0]
    /\ votesGranted  = [i \in Server |-> {}]
    /\ nextIndex     = [i \in Server |-> NoLeaderState]
    /\ matchIndex    = [i \in Server |-> NoLeaderState]
    /\ messages      = {}

----------------------------------------------------------------------------
(* Crash and restart: volatile state is lost, persistent state survives. *)

Restart(i) ==
    /\ role'         = [role EXCEPT ![i] = "Follower"]
    /\ commitIndex'  = [commitIndex EXCEPT ![i] = snapshotIndex[i]]
    /\ votesGranted' = [votesGranted EXCEPT ![i] = {}]
    /\ nextIndex'    = [nextIndex EXCEPT ![i] = NoLeaderState]
    /\ matchIndex'   = [matchIndex EXCEPT ![i] = NoLeaderState]
    /\ UNCHANGED <<currentTerm, votedFor, log, snapshotIndex, snapshotTerm,
                   snapshotData, messages>>

----------------------------------------------------------------------------
(* Leader election *)

\* The election timer fires: start an election in the next term, voting for oneself.
Timeout(i) ==
    /\ role[i] \in {"Follower", "Candidate"}
    /\ currentTerm'  = [currentTerm EXCEPT ![i] = @ + 1]
    /\ role'         = [role EXCEPT ![i] = "Candidate"]
    /\ votedFor'     = [votedFor EXCEPT ![i] = i]
    /\ votesGranted' = [votesGranted EXCEPT ![i] = {i}]
    /\ UNCHANGED <<logVars, nextIndex, matchIndex, messages>>

RequestVoteMsg(i, j) ==
    [mtype        |-> "RequestVote",
     msource      |-> i,
     mdest        |-> j,
     term         |-> currentTerm[i],
     lastLogIndex |-> LastIndex(i),
     lastLogTerm  |-> LastTerm(i)]

SendRequestVote(i, j) ==
    /\ role[i] = "Candidate"
    /\ j # i
    /\ Send(RequestVoteMsg(i, j))
    /\ UNCHANGED <<serverVars, logVars, leaderVars>>

BecomeLeader(i) ==
    /\ role[i] = "Candidate"
    /\ IsQuorum(votesGranted[i])
    /\ role'       = [role EXCEPT ![i] = "Leader"]
    /\ nextIndex'  = [nextIndex EXCEPT ![i] = [j \in Server |-> LastIndex(i) + 1]]
    /\ matchIndex' = [matchIndex EXCEPT ![i] = NoLeaderState]
    /\ UNCHANGED <<currentTerm, votedFor, logVars, votesGranted, messages>>

----------------------------------------------------------------------------
(* Client requests, replication and commit *)

ClientRequest(i, v) ==
    /\ role[i] = "Leader"
    /\ log' = [log EXCEPT ![i] = Append(@, [term |-> currentTerm[i], value |-> v])]
    /\ UNCHANGED <<serverVars, snapshotIndex, snapshotTerm, snapshotData, commitIndex,
                   leaderVars, messages>>

\* The first n entries from nextIndex[i][j] on (n = 0 is a heartbeat).
AppendEntriesMsg(i, j, n) ==
    LET next == nextIndex[i][j]
        prev == next - 1
    IN [mtype        |-> "AppendEntries",
        msource      |-> i,
        mdest        |-> j,
        term         |-> currentTerm[i],
        prevLogIndex |-> prev,
        prevLogTerm  |-> TermAt(i, prev),
        entries      |-> SubSeq(log[i], next - snapshotIndex[i], prev + n - snapshotIndex[i]),
        leaderCommit |-> commitIndex[i]]

SendAppendEntries(i, j, n) ==
    /\ role[i] = "Leader"
    /\ j # i
    /\ nextIndex[i][j] > snapshotIndex[i]
    /\ n \in 0 .. (LastIndex(i) + 1 - nextIndex[i][j])
    /\ Send(AppendEntriesMsg(i, j, n))
    /\ UNCHANGED <<serverVars, logVars, leaderVars>>

InstallSnapshotMsg(i, j) ==
    [mtype             |-> "InstallSnapshot",
     msource           |-> i,
     mdest             |-> j,
     term              |-> currentTerm[i],
     lastIncludedIndex |-> snapshotIndex[i],
     lastIncludedTerm  |-> snapshotTerm[i],
     data              |-> snapshotData[i]]

\* The entries j needs are compacted away on the leader: ship the snapshot.
SendInstallSnapshot(i, j) ==
    /\ role[i] = "Leader"
    /\ j # i
    /\ nextIndex[i][j] <= snapshotIndex[i]
    /\ Send(InstallSnapshotMsg(i, j))
    /\ UNCHANGED <<serverVars, logVars, leaderVars>>

\* Servers (the leader itself included) known to store the entry at index k.
Agree(i, k) == {i} \cup {j \in Server \ {i} : matchIndex[i][j] >= k}

\* The leader commits the largest index stored on a quorum, but only when that entry
\* is of its own term; entries of older terms are committed only through it.
AdvanceCommitIndex(i) ==
    LET agreed == {k \in (commitIndex[i] + 1) .. LastIndex(i) : IsQuorum(Agree(i, k))}
    IN /\ role[i] = "Leader"
       /\ agreed # {}
       /\ Flaw = "CommitOldTerm" \/ TermAt(i, SetMax(agreed)) = currentTerm[i]
       /\ commitIndex' = [commitIndex EXCEPT ![i] = SetMax(agreed)]
       /\ UNCHANGED <<serverVars, log, snapshotIndex, snapshotTerm, snapshotData,
                      leaderVars, messages>>

\* Compact the log up to a committed index k.
TakeSnapshot(i, k) ==
    LET pos == k - snapshotIndex[i]
    IN /\ snapshotIndex[i] < k
       /\ k <= commitIndex[i]
       /\ snapshotData'  = [snapshotData EXCEPT ![i] = Compact(@, SubSeq(log[i], 1, pos))]
       /\ snapshotTerm'  = [snapshotTerm EXCEPT ![i] = log[i][pos].term]
       /\ snapshotIndex' = [snapshotIndex EXCEPT ![i] = k]
       /\ log'           = [log EXCEPT ![i] = SubSeq(@, pos + 1, Len(@))]
       /\ UNCHANGED <<serverVars, commitIndex, leaderVars, messages>>

----------------------------------------------------------------------------
(* Receiving messages. Server i receives m from j; m stays in the network. *)

\* Any message of a newer term: adopt the term and become a follower (the message is
\* then handled by the matching Handle action).
UpdateTerm(i, j, m) ==
    /\ m.term > currentTerm[i]
    /\ currentTerm'  = [currentTerm EXCEPT ![i] = m.term]
    /\ role'         = [role EXCEPT ![i] = "Follower"]
    /\ votedFor'     = [votedFor EXCEPT ![i] = Nil]
    /\ votesGranted' = [votesGranted EXCEPT ![i] = {}]
    /\ nextIndex'    = [nextIndex EXCEPT ![i] = NoLeaderState]
    /\ matchIndex'   = [matchIndex EXCEPT ![i] = NoLeaderState]
    /\ UNCHANGED <<logVars, messages>>

\* A candidate that hears from the leader of its term becomes a follower.
StepDownOnLeaderMessage(i, m) ==
    IF m.term = currentTerm[i] /\ role[i] = "Candidate"
    THEN /\ role'         = [role EXCEPT ![i] = "Follower"]
         /\ votesGranted' = [votesGranted EXCEPT ![i] = {}]
    ELSE UNCHANGED <<role, votesGranted>>

HandleRequestVote(i, j, m) ==
    LET logOk == \/ m.lastLogTerm > LastTerm(i)
                 \/ /\ m.lastLogTerm = LastTerm(i)
                    /\ m.lastLogIndex >= LastIndex(i)
        grant == /\ m.term = currentTerm[i]
                 /\ logOk \/ Flaw = "VoteWithoutLogCheck"
                 /\ votedFor[i] \in {Nil, j} \/ Flaw = "VoteTwice"
    IN /\ m.mtype = "RequestVote"
       /\ m.term <= currentTerm[i]
       /\ votedFor' = [votedFor EXCEPT ![i] = IF grant THEN j ELSE @]
       /\ Send([mtype       |-> "RequestVoteResponse",
                msource     |-> i,
                mdest       |-> j,
                term        |-> currentTerm[i],
                voteGranted |-> grant])
       /\ UNCHANGED <<currentTerm, role, logVars, leaderVars>>

HandleRequestVoteResponse(i, j, m) ==
    /\ m.mtype = "RequestVoteResponse"
    /\ m.term <= currentTerm[i]
    /\ votesGranted' =
           [votesGranted EXCEPT ![i] =
               IF m.term = currentTerm[i] /\ role[i] = "Candidate" /\ m.voteGranted
               THEN @ \cup {j} ELSE @]
    /\ UNCHANGED <<serverVars, logVars, nextIndex, matchIndex, messages>>

\* The log of i after accepting entries ents placed right after index prev: entries
\* covered by the snapshot or already present with the same term are skipped; at the
\* first conflict (or the first missing index) the log is cut and the rest appended.
MergeEntries(i, prev, ents) ==
    LET si        == snapshotIndex[i]
        lg        == log[i]
        Pos(k)    == prev + k - si     \* position in lg of the k-th new entry
        live      == {k \in 1 .. Len(ents) : Pos(k) >= 1}
        conflicts == {k \in live : Pos(k) > Len(lg) \/ lg[Pos(k)].term # ents[k].term}
    IN IF conflicts = {} THEN lg
       ELSE LET c == SetMin(conflicts)
            IN SubSeq(lg, 1, Pos(c) - 1) \o SubSeq(ents, c, Len(ents))

HandleAppendEntries(i, j, m) ==
    LET prev   == m.prevLogIndex
        n      == Len(m.entries)
        logOk  == \/ prev <= snapshotIndex[i]
                  \/ /\ prev <= LastIndex(i)
                     /\ Flaw = "AppendWithoutPrevCheck" \/ TermAt(i, prev) = m.prevLogTerm
        accept == m.term = currentTerm[i] /\ role[i] # "Leader" /\ logOk
    IN /\ m.mtype = "AppendEntries"
       /\ m.term <= currentTerm[i]
       /\ StepDownOnLeaderMessage(i, m)
       /\ IF accept
          THEN /\ log'         = [log EXCEPT ![i] = MergeEntries(i, prev, m.entries)]
               /\ commitIndex' = [commitIndex EXCEPT ![i] =
                                     Max(@, Min(m.leaderCommit, prev + n))]
               /\ Send([mtype      |-> "AppendEntriesResponse",
                        msource    |-> i,
                        mdest      |-> j,
                        term       |-> currentTerm[i],
                        success    |-> TRUE,
                        matchIndex |-> prev + n])
          ELSE /\ UNCHANGED <<log, commitIndex>>
               /\ Send([mtype      |-> "AppendEntriesResponse",
                        msource    |-> i,
                        mdest      |-> j,
                        term       |-> currentTerm[i],
                        success    |-> FALSE,
                        matchIndex |-> LastIndex(i)])
       /\ UNCHANGED <<currentTerm, votedFor, snapshotIndex, snapshotTerm, snapshotData,
                      nextIndex, matchIndex>>

\* j now stores the leader's log up to index k.
RecordMatch(i, j, k) ==
    LET newMatch == Max(matchIndex[i][j], k)
    IN /\ matchIndex' = [matchIndex EXCEPT ![i][j] = newMatch]
       /\ nextIndex'  = [nextIndex EXCEPT ![i][j] = newMatch + 1]

HandleAppendEntriesResponse(i, j, m) ==
    /\ m.mtype = "AppendEntriesResponse"
    /\ m.term <= currentTerm[i]
    /\ IF m.term = currentTerm[i] /\ role[i] = "Leader"
       THEN IF m.success
            THEN RecordMatch(i, j, m.matchIndex)
            ELSE /\ nextIndex' = [nextIndex EXCEPT ![i][j] =
                                     Max(1, Min(@ - 1, m.matchIndex + 1))]
                 /\ UNCHANGED matchIndex
       ELSE UNCHANGED <<nextIndex, matchIndex>>
    /\ UNCHANGED <<serverVars, logVars, votesGranted, messages>>

HandleInstallSnapshot(i, j, m) ==
    LET li      == m.lastIncludedIndex
        lt      == m.lastIncludedTerm
        ok      == m.term = currentTerm[i] /\ role[i] # "Leader"
        \* the log already holds the snapshot's last entry: keep what follows it
        keep    == li <= LastIndex(i) /\ TermAt(i, li) = lt
    IN /\ m.mtype = "InstallSnapshot"
       /\ m.term <= currentTerm[i]
       /\ StepDownOnLeaderMessage(i, m)
       /\ IF ok /\ li > snapshotIndex[i]
          THEN /\ log'           = [log EXCEPT ![i] =
                                       IF keep THEN SubSeq(@, li - snapshotIndex[i] + 1, Len(@))
                                       ELSE <<>>]
               /\ snapshotIndex' = [snapshotIndex EXCEPT ![i] = li]
               /\ snapshotTerm'  = [snapshotTerm EXCEPT ![i] = lt]
               /\ snapshotData'  = [snapshotData EXCEPT ![i] = m.data]
               /\ commitIndex'   = [commitIndex EXCEPT ![i] = Max(@, li)]
          ELSE UNCHANGED logVars
       /\ Send([mtype      |-> "InstallSnapshotResponse",
                msource    |-> i,
                mdest      |-> j,
                term       |-> currentTerm[i],
                matchIndex |-> IF ok THEN li ELSE 0])
       /\ UNCHANGED <<currentTerm, votedFor, nextIndex, matchIndex>>

HandleInstallSnapshotResponse(i, j, m) ==
    /\ m.mtype = "InstallSnapshotResponse"
    /\ m.term <= currentTerm[i]
    /\ IF m.term = currentTerm[i] /\ role[i] = "Leader"
       THEN RecordMatch(i, j, m.matchIndex)
       ELSE UNCHANGED <<nextIndex, matchIndex>>
    /\ UNCHANGED <<serverVars, logVars, votesGranted, messages>>

Receive(m) ==
    LET i == m.mdest
        j == m.msource
    IN \/ UpdateTerm(i, j, m)
       \/ HandleRequestVote(i, j, m)
       \/ HandleRequestVoteResponse(i, j, m)
       \/ HandleAppendEntries(i, j, m)
       \/ HandleAppendEntriesResponse(i, j, m)
       \/ HandleInstallSnapshot(i, j, m)
       \/ HandleInstallSnapshotResponse(i, j, m)

----------------------------------------------------------------------------
(* The specification *)

Next ==
    \/ \E i \in Server : \/ Timeout(i)
                         \/ BecomeLeader(i)
                         \/ AdvanceCommitIndex(i)
                         \/ Restart(i)
    \/ \E i \in Server, v \in Value : ClientRequest(i, v)
    \/ \E i \in Server : \E k \in (snapshotIndex[i] + 1) .. commitIndex[i] : TakeSnapshot(i, k)
    \/ \E i, j \in Server : \/ SendRequestVote(i, j)
                            \/ SendInstallSnapshot(i, j)
    \/ \E i, j \in Server : \E n \in 0 .. Len(log[i]) : SendAppendEntries(i, j, n)
    \/ \E m \in messages : Receive(m)

Spec == Init /\ [][Next]_vars

----------------------------------------------------------------------------
(* Invariants, one property each so that TLC names the one that fails. *)

Entry == [term : Nat, value : Value]

TypeOK ==
    /\ currentTerm   \in [Server -> Nat]
    /\ votedFor      \in [Server -> Server \cup {Nil}]
    /\ role          \in [Server -> Roles]
    /\ \A i \in Server : \A k \in 1 .. Len(log[i]) : log[i][k] \in Entry
    /\ \A i \in Server : \A k \in 1 .. Len(snapshotData[i]) : CompactedAt(snapshotData[i], k) \in Entry
    /\ snapshotIndex \in [Server -> Nat]
    /\ snapshotTerm  \in [Server -> Nat]
    /\ \A i \in Server : Len(snapshotData[i]) = snapshotIndex[i]
    /\ commitIndex   \in [Server -> Nat]
    /\ \A i \in Server : snapshotIndex[i] <= commitIndex[i] /\ commitIndex[i] <= LastIndex(i)
    /\ votesGranted  \in [Server -> SUBSET Server]
    /\ nextIndex     \in [Server -> [Server -> Nat]]
    /\ matchIndex    \in [Server -> [Server -> Nat]]
    /\ \A m \in messages : m.mtype \in {"RequestVote", "RequestVoteResponse",
                                       "AppendEntries", "AppendEntriesResponse",
                                       "InstallSnapshot", "InstallSnapshotResponse"}
                           /\ m.msource \in Server /\ m.mdest \in Server

\* At most one leader per term (among the servers that currently believe they lead).
ElectionSafety ==
    \A i, j \in Server :
        (i # j /\ role[i] = "Leader" /\ role[j] = "Leader") => currentTerm[i] # currentTerm[j]

\* The largest k <= n at which logs a and b hold entries of the same term (0: none).
RECURSIVE LastAgreement(_, _, _)
LastAgreement(a, b, n) ==
    IF n = 0 \/ a[n].term = b[n].term THEN n ELSE LastAgreement(a, b, n - 1)

\* Two logs with an entry of the same index and term are identical up to that index.
\* It is enough to check the last such index: the prefixes up to the others are prefixes
\* of that one. This is one comparison of two sequences, not one per index (trace
\* validation checks the invariant in every state of long traces).
LogMatching ==
    \A i, j \in Server : i # j =>
        LET li == FullLog(i)
            lj == FullLog(j)
            k  == LastAgreement(li, lj, Min(LastIndex(i), LastIndex(j)))
        IN SubSeq(li, 1, k) = SubSeq(lj, 1, k)

\* A leader holds every entry known committed by any server whose term is not newer
\* than the leader's (such an entry was committed in a term <= the leader's term).
LeaderCompleteness ==
    \A l \in Server : role[l] = "Leader" =>
        \A i \in Server : currentTerm[i] <= currentTerm[l] =>
            /\ commitIndex[i] <= LastIndex(l)
            /\ SubSeq(FullLog(l), 1, commitIndex[i]) = SubSeq(FullLog(i), 1, commitIndex[i])

\* Servers never disagree on a committed entry: their state machines apply the same
\* command at every index.
StateMachineSafety ==
    \A i, j \in Server : i # j =>
        LET c == Min(commitIndex[i], commitIndex[j])
        IN SubSeq(FullLog(i), 1, c) = SubSeq(FullLog(j), 1, c)

=============================================================================
