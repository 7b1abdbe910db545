---------------------------- MODULE MCMultiPaxos ----------------------------
(***************************************************************************)
(* Model-checking wrapper for MultiPaxos: bounds the ballots, the slots    *)
(* and the crashes so that TLC explores a finite space.  Servers are       *)
(* numbers (their order assigns ballots, so they are not symmetric);       *)
(* client commands are model values, symmetric.                            *)
(*                                                                         *)
(* Left out of the model's Next, with reasons: heartbeats and their        *)
(* handler change no state; Nack is optional and only deposes a leader     *)
(* early (a higher Prepare or Accept does the same); a server re-sending a *)
(* Decide matters only after a crash and is in the Restart model only.     *)
(***************************************************************************)
EXTENDS MultiPaxos, TLC

CONSTANTS
    MaxBallot,      \* no server starts a ballot above this
    MaxSlot,        \* no leader proposes a client command beyond this slot
    MaxRestarts,    \* at most this many crash/restarts in a behaviour
    Snapshots       \* TRUE: servers may snapshot and ship snapshots

\* Counts restarts so that crashes can be bounded; not part of Multi-Paxos.
VARIABLE restarts

mcVars == <<vars, restarts>>

MCInit == Init /\ restarts = 0

\* One named operator per action so that TLC's counterexamples name the step taken.
MCStartBallot(i)   == NextBallot(i) <= MaxBallot /\ StartBallot(i) /\ UNCHANGED restarts
\* Each command is proposed once (a retry adds states, not behaviours the model lacks).
MCPropose(i, v)    == nextSlot[i] <= MaxSlot /\ v \notin proposed /\ Propose(i, v) /\ UNCHANGED restarts
MCApply(i)         == Apply(i) /\ UNCHANGED restarts
MCTakeSnapshot(i)  == Snapshots /\ TakeSnapshot(i) /\ UNCHANGED restarts
MCSendSnapshot(i, j) ==
    Snapshots /\ i # j /\ snapshotIndex[i] > snapshotIndex[j] /\ SendSnapshot(i, j) /\ UNCHANGED restarts
MCSendDecide(i, j, s) ==
    MaxRestarts > 0 /\ i # j /\ ~Knows(j, s) /\ SendDecide(i, j, s) /\ UNCHANGED restarts
MCRestart(i) ==
    /\ restarts < MaxRestarts
    /\ Restart(i)
    /\ restarts' = restarts + 1
MCHandlePrepare(m)  == HandlePrepare(m.mdest, m) /\ UNCHANGED restarts
MCHandlePromise(m)  == HandlePromise(m.mdest, m) /\ UNCHANGED restarts
MCHandleAccept(m)   == HandleAccept(m.mdest, m) /\ UNCHANGED restarts
MCHandleAccepted(m) == HandleAccepted(m.mdest, m) /\ UNCHANGED restarts
MCHandleDecide(m)   == HandleDecide(m.mdest, m) /\ UNCHANGED restarts
MCHandleInstallSnapshot(m) == HandleInstallSnapshot(m.mdest, m) /\ UNCHANGED restarts

MCNext ==
    \/ \E i \in Server : MCStartBallot(i)
    \/ \E i \in Server, v \in Value : MCPropose(i, v)
    \/ \E i \in Server : MCApply(i)
    \/ \E i \in Server : MCTakeSnapshot(i)
    \/ \E i \in Server : MCRestart(i)
    \/ \E i, j \in Server : MCSendSnapshot(i, j)
    \/ \E i, j \in Server : \E s \in Slots(i) : MCSendDecide(i, j, s)
    \/ \E m \in msgs : MCHandlePrepare(m)
    \/ \E m \in msgs : MCHandlePromise(m)
    \/ \E m \in msgs : MCHandleAccept(m)
    \/ \E m \in msgs : MCHandleAccepted(m)
    \/ \E m \in msgs : MCHandleDecide(m)
    \/ \E m \in msgs : MCHandleInstallSnapshot(m)

MCSpec == MCInit /\ [][MCNext]_mcVars

\* Reachability witnesses ("sometimes"), each checked as an invariant that must be violated:
\* the bounded model does choose, snapshot, install a snapshot and change leaders.
NeverChosen            == \A i \in Server : DOMAIN chosen[i] = {} /\ snapshotIndex[i] = 0
NeverSnapshots         == \A i \in Server : snapshotIndex[i] = 0

\* Client commands are interchangeable (noop is not a model value and stays fixed).
Symmetry == Permutations(Value)
=============================================================================
