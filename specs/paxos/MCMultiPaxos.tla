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
    Snapshots,      \* TRUE: servers may snapshot and ship snapshots
    MaxMessages     \* at most this many distinct messages are ever sent (a CONSTRAINT)

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

(***************************************************************************)
(* A later starting point for the SnapshotOverwritesNewer flaw, whose      *)
(* shortest violation from Init (two slots chosen, a snapshot, its         *)
(* install, a second leader choosing again) is too deep for a CI-cost      *)
(* breadth-first search.  This state is reachable in the correct spec:     *)
(* server a started ballot 1 (Prepare to b and c), b promised, a became    *)
(* leader and proposed x in slot 1 and y in slot 2, b accepted both, a     *)
(* counted b's two Accepted (both slots chosen, Decide to b and c), a      *)
(* applied slot 1 and snapshotted it.  No Decide and no Accept to c has    *)
(* been handled yet.                                                       *)
(***************************************************************************)
SnapshotInit ==
    LET a  == 1
        b  == 2
        c  == 3
        x  == CHOOSE v \in Value : TRUE
        y  == CHOOSE v \in Value \ {x} : TRUE
        E  == [s \in {} |-> <<0, Noop>>]
    IN /\ Server = {a, b, c}
       /\ ballot        = (a :> 1 @@ b :> 0 @@ c :> 0)
       /\ promised      = (a :> 1 @@ b :> 1 @@ c :> 0)
       /\ accepted      = (a :> (2 :> <<1, y>>) @@ b :> <<<<1, x>>, <<1, y>>>> @@ c :> E)
       /\ snapshotIndex = (a :> 1 @@ b :> 0 @@ c :> 0)
       /\ snapshot      = (a :> <<x>> @@ b :> <<>> @@ c :> <<>>)
       /\ leader        = (a :> TRUE @@ b :> FALSE @@ c :> FALSE)
       /\ preparing     = [i \in Server |-> FALSE]
       /\ chosen        = (a :> (2 :> y) @@ b :> NoSlots @@ c :> NoSlots)
       /\ applied       = (a :> 1 @@ b :> 0 @@ c :> 0)
       /\ promises      = (a :> {[from |-> a, acc |-> {}, si |-> 0], [from |-> b, acc |-> {}, si |-> 0]}
                           @@ b :> {} @@ c :> {})
       /\ votes         = (a :> {<<1, a>>, <<1, b>>, <<2, a>>, <<2, b>>} @@ b :> {} @@ c :> {})
       /\ proposals     = (a :> <<x, y>> @@ b :> NoSlots @@ c :> NoSlots)
       /\ nextSlot      = (a :> 3 @@ b :> 0 @@ c :> 0)
       /\ proposed      = {x, y}
       /\ msgs          = {PrepareMsg(a, b, 1), PrepareMsg(a, c, 1),
                           [mtype |-> "Promise", msource |-> b, mdest |-> a, ballot |-> 1,
                            accepted |-> {}, snapshotIndex |-> 0],
                           AcceptMsg(a, b, 1, 1, x), AcceptMsg(a, c, 1, 1, x),
                           AcceptMsg(a, b, 1, 2, y), AcceptMsg(a, c, 1, 2, y),
                           AcceptedMsg(b, a, 1, 1), AcceptedMsg(b, a, 1, 2),
                           DecideMsg(a, b, 1, x), DecideMsg(a, c, 1, x),
                           DecideMsg(a, b, 2, y), DecideMsg(a, c, 2, y)}
       /\ restarts      = 0

MCSnapshotSpec == SnapshotInit /\ [][MCNext]_mcVars

MCSpec == MCInit /\ [][MCNext]_mcVars

\* Reachability witnesses ("sometimes"), each checked as an invariant that must be violated
\* (MCMultiPaxosWitness*.cfg): the bounded model does choose, snapshot, ship a snapshot, and
\* has a later leader re-propose a value an earlier ballot had accepted (adoption).
NeverChosen        == \A i \in Server : DOMAIN chosen[i] = {} /\ snapshotIndex[i] = 0
NeverSnapshots     == \A i \in Server : snapshotIndex[i] = 0
NeverInstalls == \A m \in msgs : m.mtype # "InstallSnapshot"
NeverAdopts ==
    ~\E i \in Server : \E s \in DOMAIN proposals[i] :
        \E m \in msgs : m.mtype = "Accept" /\ m.ballot < ballot[i] /\ m.slot = s /\ m.value = proposals[i][s]

MessageBound == Cardinality(msgs) <= MaxMessages

\* Client commands are interchangeable (noop is not a model value and stays fixed).
Symmetry == Permutations(Value)
=============================================================================
