------------------------------- MODULE MCRaft -------------------------------
(***************************************************************************)
(* Model-checking wrapper for Raft: bounds the terms, the log length and   *)
(* the number of distinct messages so that TLC explores a finite space.    *)
(* Servers and values are model values, hence symmetric.                  *)
(***************************************************************************)
EXTENDS Raft, TLC

CONSTANTS
    MaxTerm,        \* no server times out beyond this term
    MaxLogLen,      \* no leader appends beyond this many entries (snapshot included)
    MaxMessages,    \* at most this many distinct messages are ever sent
    MaxRestarts     \* at most this many crash/restarts in a behaviour

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

MCNext ==
    \/ /\ \/ \E i \in Server : \/ currentTerm[i] < MaxTerm /\ Timeout(i)
                               \/ BecomeLeader(i)
                               \/ AdvanceCommitIndex(i)
          \/ \E i \in Server, v \in Value : LastIndex(i) < MaxLogLen /\ ClientRequest(i, v)
          \/ \E i \in Server : \E k \in (snapshotIndex[i] + 1) .. commitIndex[i] :
                 TakeSnapshot(i, k)
          \/ \E i, j \in Server : \/ SendRequestVote(i, j)
                                  \/ SendInstallSnapshot(i, j)
          \* Only "everything from nextIndex on": partial batches add states, not behaviours
          \* that matter at these bounds.
          \/ \E i, j \in Server : SendAppendEntries(i, j, LastIndex(i) + 1 - nextIndex[i][j])
          \/ \E m \in messages : Receive(m)
       /\ UNCHANGED restarts
    \/ \E i \in Server : MCRestart(i)

MCSpec == MCInit /\ [][MCNext]_mcVars

MessageBound == Cardinality(messages) <= MaxMessages

Symmetry == Permutations(Server) \cup Permutations(Value)
=============================================================================
