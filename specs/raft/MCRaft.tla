------------------------------- MODULE MCRaft -------------------------------
(***************************************************************************)
(* Model-checking wrapper for Raft: bounds the terms, the log length and   *)
(* the number of distinct messages so that TLC explores a finite space.    *)
(* Servers and values are model values, hence symmetric.                  *)
(***************************************************************************)
EXTENDS Raft, RaftTraceForms, TLC

CONSTANTS
    MaxTerm,        \* no server times out beyond this term
    MaxLogLen,      \* no leader appends beyond this many entries (snapshot included)
    MaxMessages,    \* at most this many distinct messages are ever sent
    MaxRestarts,    \* at most this many crash/restarts in a behaviour
    Compaction      \* TRUE: servers may take snapshots (and leaders send InstallSnapshot)

\* Counts restarts so that crashes can be bounded; not part of Raft.
VARIABLE restarts

mcVars == <<vars, restarts>>

MCInit == Init /\ restarts = 0

\* Restart only changes something when volatile state would be lost.
MCRestart(i) ==
    /\ restarts < MaxRestarts
    /\ role[i] # "Follower" \/ commitIndex[i] # snapshotIndex[i]
    /\ Restart(i)
    /\ restarts' = restarts + 1

\* One named operator per action so that TLC's counterexamples name the step taken.
MCTimeout(i)               == currentTerm[i] < MaxTerm /\ Timeout(i) /\ UNCHANGED restarts
MCBecomeLeader(i)          == BecomeLeader(i) /\ UNCHANGED restarts
MCAdvanceCommitIndex(i)    == AdvanceCommitIndex(i) /\ UNCHANGED restarts
MCClientRequest(i, v)      == LastIndex(i) < MaxLogLen /\ ClientRequest(i, v) /\ UNCHANGED restarts
MCTakeSnapshot(i, k)       == Compaction /\ TakeSnapshot(i, k) /\ UNCHANGED restarts
MCSendRequestVote(i, j)    == SendRequestVote(i, j) /\ UNCHANGED restarts
MCSendInstallSnapshot(i, j) == SendInstallSnapshot(i, j) /\ UNCHANGED restarts
\* Only "everything from nextIndex on": partial batches add states but, at these bounds,
\* no behaviour that full batches and heartbeats do not already show.
MCSendAppendEntries(i, j)  ==
    SendAppendEntries(i, j, LastIndex(i) + 1 - nextIndex[i][j]) /\ UNCHANGED restarts
MCUpdateTerm(m)            == UpdateTerm(m.mdest, m.msource, m) /\ UNCHANGED restarts
MCHandleRequestVote(m)     == HandleRequestVote(m.mdest, m.msource, m) /\ UNCHANGED restarts
MCHandleRequestVoteResponse(m) ==
    HandleRequestVoteResponse(m.mdest, m.msource, m) /\ UNCHANGED restarts
MCHandleAppendEntries(m)   == HandleAppendEntries(m.mdest, m.msource, m) /\ UNCHANGED restarts
MCHandleAppendEntriesResponse(m) ==
    HandleAppendEntriesResponse(m.mdest, m.msource, m) /\ UNCHANGED restarts
MCHandleInstallSnapshot(m) == HandleInstallSnapshot(m.mdest, m.msource, m) /\ UNCHANGED restarts
MCHandleInstallSnapshotResponse(m) ==
    HandleInstallSnapshotResponse(m.mdest, m.msource, m) /\ UNCHANGED restarts

MCNext ==
    \/ \E i \in Server : MCTimeout(i)
    \/ \E i \in Server : MCBecomeLeader(i)
    \/ \E i \in Server : MCAdvanceCommitIndex(i)
    \/ \E i \in Server : MCRestart(i)
    \/ \E i \in Server, v \in Value : MCClientRequest(i, v)
    \/ \E i \in Server : \E k \in (snapshotIndex[i] + 1) .. commitIndex[i] : MCTakeSnapshot(i, k)
    \/ \E i, j \in Server : MCSendRequestVote(i, j)
    \/ \E i, j \in Server : MCSendInstallSnapshot(i, j)
    \/ \E i, j \in Server : MCSendAppendEntries(i, j)
    \/ \E m \in messages : MCUpdateTerm(m)
    \/ \E m \in messages : MCHandleRequestVote(m)
    \/ \E m \in messages : MCHandleRequestVoteResponse(m)
    \/ \E m \in messages : MCHandleAppendEntries(m)
    \/ \E m \in messages : MCHandleAppendEntriesResponse(m)
    \/ \E m \in messages : MCHandleInstallSnapshot(m)
    \/ \E m \in messages : MCHandleInstallSnapshotResponse(m)


(***************************************************************************)
(* A later starting point for the CommitOldTerm and AppendWithoutPrevCheck *)
(* flaws (figure 8 of the Raft paper, on three servers).  Their shortest   *)
(* violations from Init take three or four elections, too deep for a       *)
(* breadth-first search at CI cost.  This state is reachable in the        *)
(* correct spec: it is the state after event 54 of                         *)
(* traces/bad-commit-old-term.ndjson, which TraceRaft matches (it diverges *)
(* only at event 55, the flawed commit).  Server a led term 1 and wrote an *)
(* entry of term 1; b led term 2 (and still believes so) and wrote an      *)
(* entry of term 2; a won term 3 with c's vote and copied its entry to c.  *)
(***************************************************************************)
Figure8Init ==
    LET a  == CHOOSE x \in Server : TRUE
        b  == CHOOSE x \in Server \ {a} : TRUE
        c  == CHOOSE x \in Server \ {a, b} : TRUE
        v  == CHOOSE x \in Value : TRUE
        x1 == [term |-> 1, value |-> v]
        y2 == [term |-> 2, value |-> v]
        RV(s, d, t, li, lt) == [mtype |-> "RequestVote", msource |-> s, mdest |-> d, term |-> t,
                                lastLogIndex |-> li, lastLogTerm |-> lt]
        RVR(s, d, t, g)     == [mtype |-> "RequestVoteResponse", msource |-> s, mdest |-> d,
                                term |-> t, voteGranted |-> g]
        AE(s, d, t, pi, pt, es) == [mtype |-> "AppendEntries", msource |-> s, mdest |-> d,
                                    term |-> t, prevLogIndex |-> pi, prevLogTerm |-> pt,
                                    entries |-> es, leaderCommit |-> 0]
        AER(s, d, t, ok, mi) == [mtype |-> "AppendEntriesResponse", msource |-> s, mdest |-> d,
                                 term |-> t, success |-> ok, matchIndex |-> mi]
    IN /\ Cardinality(Server) = 3
       /\ currentTerm   = (a :> 3 @@ b :> 2 @@ c :> 3)
       /\ votedFor      = (a :> a @@ b :> b @@ c :> a)
       /\ role          = (a :> "Leader" @@ b :> "Leader" @@ c :> "Follower")
       /\ log           = (a :> <<x1>> @@ b :> <<y2>> @@ c :> <<x1>>)
       /\ snapshotIndex = [i \in Server |-> 0]
       /\ snapshotTerm  = [i \in Server |-> 0]
       /\ snapshotData  = [i \in Server |-> <<>>]
       /\ commitIndex   = [i \in Server |-> 0]
       /\ votesGranted  = (a :> {a, c} @@ b :> {b, c} @@ c :> {})
       /\ nextIndex     = (a :> [i \in Server |-> 2] @@ b :> [i \in Server |-> 1]
                           @@ c :> NoLeaderState)
       /\ matchIndex    = (a :> [i \in Server |-> IF i = c THEN 1 ELSE 0]
                           @@ b :> NoLeaderState @@ c :> NoLeaderState)
       /\ messages      = {RV(a, b, 1, 0, 0), RVR(b, a, 1, TRUE),
                           RV(b, c, 2, 0, 0), RV(b, a, 2, 0, 0), RVR(c, b, 2, TRUE),
                           RVR(a, b, 2, FALSE),
                           RV(a, c, 3, 1, 1), RV(a, b, 3, 1, 1), RVR(c, a, 3, TRUE),
                           AE(a, c, 3, 1, 1, <<>>), AER(c, a, 3, FALSE, 0),
                           AE(a, c, 3, 0, 0, <<x1>>), AER(c, a, 3, TRUE, 1)}
       /\ restarts      = 0

MCSpec == MCInit /\ [][MCNext]_mcVars

\* Reachability witnesses ("sometimes"): checked as invariants, each must be violated, which
\* shows that the bounded model does reach the behaviour (a model that never commits or never
\* installs a snapshot would pass every safety invariant for the wrong reason).
NeverCommits          == \A i \in Server : commitIndex[i] = 0
NeverInstallsSnapshot == \A m \in messages : m.mtype # "InstallSnapshotResponse"
NeverRestartsLeader   == ~(restarts > 0 /\ \E i \in Server : role[i] = "Leader")

MessageBound == Cardinality(messages) <= MaxMessages

\* Values take part only when there are two or more (TLC warns about a one-element symmetry set).
Symmetry == IF Cardinality(Value) > 1 THEN Permutations(Server) \cup Permutations(Value)
            ELSE Permutations(Server)
=============================================================================
