----------------------------- MODULE MultiPaxos -----------------------------
(***************************************************************************)
(* Multi-Paxos (Lamport, "Paxos Made Simple", section 3) with a stable     *)
(* leader, learners told of chosen values, snapshots that truncate the     *)
(* log, InstallSnapshot for lagging replicas, and crash/restart from       *)
(* durable state.                                                          *)
(*                                                                         *)
(* Every server is proposer, acceptor and learner.  A proposer runs phase  *)
(* 1 once for all open slots (one Prepare per ballot); on a majority of    *)
(* Promises it becomes leader and, per slot, proposes the value of the     *)
(* highest-ballot accepted entry the quorum reported (noop for holes),     *)
(* then one Accept per slot for new client commands (phase 2).  A value is *)
(* chosen in a slot when a majority accepted it in one ballot; the leader  *)
(* learns that from the Accepted answers and tells the others (Decide).    *)
(* Servers apply chosen slots in order, snapshot the applied prefix and    *)
(* drop accepted and chosen slots below it.  A Promise carries the         *)
(* acceptor's snapshot index: a leader never proposes in a slot some       *)
(* quorum member has compacted (that slot is chosen, its value is in the   *)
(* snapshot and no longer reported).                                       *)
(*                                                                         *)
(* Written for the conform project: action names, message types and        *)
(* message fields are those of the Java implementation's trace events      *)
(* (impl/.../algorithms/paxos), so TraceMultiPaxos.tla replays its traces  *)
(* step by step; README.md has the event-to-action table.                  *)
(*                                                                         *)
(* The network is the set of every message ever sent: loss, duplication   *)
(* and reordering need no actions of their own.  Flaw switches on one      *)
(* teaching flaw; with Flaw = "None" the spec is Multi-Paxos as published. *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets, TLC

CONSTANTS
    Server,     \* the servers: distinct naturals (their order assigns ballots)
    Value,      \* the client commands
    Flaw        \* one of Flaws

Flaws == {"None", "NoAdoptHighest", "AcceptBelowPromise", "SnapshotOverwritesNewer",
          "MinorityQuorum"}

ASSUME Flaw \in Flaws

\* The value a leader proposes in a hole of the log.
Noop == "noop"

VARIABLES
    \* durable
    ballot,         \* [Server -> Nat]: highest ballot the server started as proposer (0: none)
    promised,       \* [Server -> Nat]: highest ballot the acceptor promised
    accepted,       \* [Server -> [slots -> <<ballot, value>>]]: slots above the snapshot
    snapshotIndex,  \* [Server -> Nat]: last slot in the snapshot
    snapshot,       \* [Server -> Seq(value)]: the chosen values of slots 1..snapshotIndex
                    \* (stands for the state machine image the implementation keeps)
    \* volatile
    leader,         \* [Server -> BOOLEAN]: phase 1 of ballot[i] is complete
    chosen,         \* [Server -> [slots -> value]]: slots above the snapshot known chosen
    applied,        \* [Server -> Nat]: last slot applied to the state machine
    preparing,      \* [Server -> BOOLEAN]: phase 1 of ballot[i] is running (promises count)
    promises,       \* [Server -> set of [from, acc, si]]: Promises counted for ballot[i]
    votes,          \* [Server -> set of <<slot, acceptor>>]: Accepted counted for ballot[i]
    proposals,      \* [Server -> [slots -> value]]: what the leader proposed in ballot[i]
    nextSlot,       \* [Server -> Nat]: the leader's next free slot
    \* history and network
    proposed,       \* values clients asked a leader to propose
    msgs            \* set of message records

durableVars  == <<ballot, promised, accepted, snapshotIndex, snapshot>>
volatileVars == <<leader, chosen, applied, preparing, promises, votes, proposals, nextSlot>>
vars         == <<durableVars, volatileVars, proposed, msgs>>

----------------------------------------------------------------------------
(* Helpers *)

Max(a, b) == IF a >= b THEN a ELSE b
SetMax(S) == CHOOSE x \in S : \A y \in S : y <= x

N == Cardinality(Server)

IsQuorum(S) == 2 * Cardinality(S) > N

\* Phase 2's quorum; the MinorityQuorum flaw takes N/2 (rounded down) Accepted as enough.
IsPhase2Quorum(S) ==
    IF Flaw = "MinorityQuorum" THEN Cardinality(S) >= N \div 2 ELSE IsQuorum(S)

\* 1-based position of server i in ascending order.
Index(i) == Cardinality({j \in Server : j <= i})

\* Ballot b belongs to server i.
Owns(i, b) == b > 0 /\ ((b - 1) % N) + 1 = Index(i)

\* The smallest ballot of i above every ballot it has seen.
NextBallot(i) ==
    LET m == Max(promised[i], ballot[i])
    IN CHOOSE b \in (m + 1) .. (m + N) : Owns(i, b)

NoSlots == [s \in {} |-> Noop]

\* f without the slots <= k.
Above(f, k) == [s \in {x \in DOMAIN f : x > k} |-> f[s]]

\* The largest slot in DOMAIN f, or 0.
TopSlot(f) == IF DOMAIN f = {} THEN 0 ELSE SetMax(DOMAIN f)

\* Slot s of server i's log is known chosen (snapshot or chosen).
Knows(i, s) == (s >= 1 /\ s <= snapshotIndex[i]) \/ s \in DOMAIN chosen[i]

\* Its value (only where Knows(i, s)).  Compacted values go through CompactedAt so that a trace
\* config can keep the snapshot in a form TLC does not walk in every state (TraceSeq.tla).
CompactedAt(sn, s) == sn[s]
Compact(sn, t) == sn \o t
KnownValue(i, s) ==
    IF s <= snapshotIndex[i] THEN CompactedAt(snapshot[i], s) ELSE chosen[i][s]

\* The largest k with every slot 1..k known chosen at i.
RECURSIVE ChosenFrom(_, _)
ChosenFrom(i, k) == IF k + 1 \in DOMAIN chosen[i] THEN ChosenFrom(i, k + 1) ELSE k
ChosenUpTo(i) == ChosenFrom(i, snapshotIndex[i])

\* Sending: an action's answer (Reply) and its requests to many servers (Broadcast); the trace
\* spec substitutes both (answers wait for their send event, requests are checked when sent).
Reply(m) == msgs' = msgs \cup {m}
Broadcast(ms) == msgs' = msgs \cup ms

\* Every handler: a node whose promise passed its own ballot no longer leads or prepares (it
\* needs a new ballot: reusing one after proposing in it could propose two values in one slot).
StepDown(i, p) ==
    /\ leader'    = [leader EXCEPT ![i] = @ /\ p <= ballot[i]]
    /\ preparing' = [preparing EXCEPT ![i] = @ /\ p <= ballot[i]]

----------------------------------------------------------------------------
(* Messages (fields as the Java records) *)

PrepareMsg(i, j, b) == [mtype |-> "Prepare", msource |-> i, mdest |-> j, ballot |-> b]

\* The acceptor's accepted entries as a set of <<slot, ballot, value>>.
AcceptedEntries(i) == {<<s, accepted[i][s][1], accepted[i][s][2]>> : s \in DOMAIN accepted[i]}

PromiseMsg(i, j, b) ==
    [mtype |-> "Promise", msource |-> i, mdest |-> j, ballot |-> b,
     accepted |-> AcceptedEntries(i), snapshotIndex |-> snapshotIndex[i]]

AcceptMsg(i, j, b, s, v) ==
    [mtype |-> "Accept", msource |-> i, mdest |-> j, ballot |-> b, slot |-> s, value |-> v]

AcceptedMsg(i, j, b, s) ==
    [mtype |-> "Accepted", msource |-> i, mdest |-> j, ballot |-> b, slot |-> s]

DecideMsg(i, j, s, v) == [mtype |-> "Decide", msource |-> i, mdest |-> j, slot |-> s, value |-> v]

HeartbeatMsg(i, j) ==
    [mtype |-> "Heartbeat", msource |-> i, mdest |-> j, ballot |-> ballot[i],
     chosenUpTo |-> ChosenUpTo(i)]

InstallSnapshotMsg(i, j) ==
    [mtype |-> "InstallSnapshot", msource |-> i, mdest |-> j, ballot |-> ballot[i],
     index |-> snapshotIndex[i], data |-> snapshot[i]]

NackMsg(i, j) == [mtype |-> "Nack", msource |-> i, mdest |-> j, ballot |-> promised[i]]

----------------------------------------------------------------------------
(* Initial state *)

Init ==
    /\ ballot        = [i \in Server |-> 0]
    /\ promised      = [i \in Server |-> 0]
    /\ accepted      = [i \in Server |-> [s \in {} |-> <<0, Noop>>]]
    /\ snapshotIndex = [i \in Server |-> 0]
    /\ snapshot      = [i \in Server |-> <<>>]
    /\ leader        = [i \in Server |-> FALSE]
    /\ preparing     = [i \in Server |-> FALSE]
    /\ chosen        = [i \in Server |-> NoSlots]
    /\ applied       = [i \in Server |-> 0]
    /\ promises      = [i \in Server |-> {}]
    /\ votes         = [i \in Server |-> {}]
    /\ proposals     = [i \in Server |-> NoSlots]
    /\ nextSlot      = [i \in Server |-> 0]
    /\ proposed      = {}
    /\ msgs          = {}

----------------------------------------------------------------------------
(* Phase 1 *)

\* The own promise, as a Promise record would carry it.
OwnPromise(i) == [from |-> i, acc |-> AcceptedEntries(i), si |-> snapshotIndex[i]]

\* The election timer fires on a server that does not lead: a new ballot, which its own
\* acceptor promises at once (counted as a Promise), and Prepare to the others.  (A node's
\* messages to itself are not delivered: its acceptor acts inside its proposer's steps.)
StartBallot(i) ==
    LET b == NextBallot(i)
    IN /\ ~leader[i]
       /\ ballot'    = [ballot EXCEPT ![i] = b]
       /\ promised'  = [promised EXCEPT ![i] = b]
       /\ preparing' = [preparing EXCEPT ![i] = TRUE]
       /\ promises'  = [promises EXCEPT ![i] = {OwnPromise(i)}]
       /\ votes'     = [votes EXCEPT ![i] = {}]
       /\ proposals' = [proposals EXCEPT ![i] = NoSlots]
       /\ nextSlot'  = [nextSlot EXCEPT ![i] = 0]
       /\ Broadcast({PrepareMsg(i, j, b) : j \in Server \ {i}})
       /\ UNCHANGED <<accepted, snapshotIndex, snapshot, leader, chosen, applied, proposed>>

HandlePrepare(i, m) ==
    /\ m.mtype = "Prepare"
    /\ IF m.ballot >= promised[i]
       THEN /\ promised' = [promised EXCEPT ![i] = m.ballot]
            /\ StepDown(i, m.ballot)
            /\ Reply(PromiseMsg(i, m.msource, m.ballot))
       ELSE UNCHANGED <<promised, leader, preparing, msgs>>
    /\ UNCHANGED <<ballot, accepted, snapshotIndex, snapshot, chosen, applied, promises, votes,
                   proposals, nextSlot, proposed>>

\* The entries the counted promises P report, as <<slot, ballot, value>>.
Reported(P) == UNION {p.acc : p \in P}

\* The value of the highest-ballot entry for slot s in the set of entries E (noop when none).
Adopted(E, s) ==
    LET here == {e \in E : e[1] = s}
    IN IF here = {} THEN Noop
       ELSE (CHOOSE e \in here : \A o \in here : o[2] <= e[2])[3]

\* What a proposer that completes phase 1 with promises P proposes: every slot above what any
\* of them (or it) compacted, up to the highest slot reported.  NoAdoptHighest reads no entries
\* and starts after the compacted slots, ignoring even the slots it knows chosen.
Adoption(i, P) ==
    LET lo == SetMax({snapshotIndex[i]} \cup {p.si : p \in P})
        E  == IF Flaw = "NoAdoptHighest" THEN {} ELSE Reported(P)
        hi == SetMax({0} \cup {e[1] : e \in E})
    IN [props |-> [s \in (lo + 1) .. hi |-> Adopted(E, s)],
        next  |-> IF Flaw = "NoAdoptHighest" THEN Max(lo, snapshotIndex[i]) + 1
                  ELSE SetMax({lo, hi, snapshotIndex[i], TopSlot(chosen[i])}) + 1]

\* The leader's own acceptor votes for its proposals props (slot -> value) in ballot b; the vote
\* counts, and chooses where one vote is a phase 2 quorum (only under MinorityQuorum, N <= 3).
OwnVote(i, b, props) ==
    /\ accepted' = [accepted EXCEPT ![i] = [s \in DOMAIN props |-> <<b, props[s]>>] @@ @]
    /\ votes'    = [votes EXCEPT ![i] = @ \cup {<<s, i>> : s \in DOMAIN props}]
    /\ chosen'   = [chosen EXCEPT ![i] = IF IsPhase2Quorum({i}) THEN @ @@ props ELSE @]

HandlePromise(i, m) ==
    LET P  == promises[i] \cup {[from |-> m.msource, acc |-> m.accepted, si |-> m.snapshotIndex]}
        ad == Adoption(i, P)
        b  == ballot[i]
    IN /\ m.mtype = "Promise"
       /\ IF m.ballot = b /\ preparing[i] /\ m.msource \notin {p.from : p \in promises[i]}
          THEN /\ promises' = [promises EXCEPT ![i] = P]
               /\ IF IsQuorum({p.from : p \in P})
                  THEN /\ leader'    = [leader EXCEPT ![i] = TRUE]
                       /\ preparing' = [preparing EXCEPT ![i] = FALSE]
                       /\ proposals' = [proposals EXCEPT ![i] = ad.props]
                       /\ nextSlot'  = [nextSlot EXCEPT ![i] = ad.next]
                       /\ OwnVote(i, b, ad.props)
                       /\ Broadcast({AcceptMsg(i, j, b, s, ad.props[s]) :
                                        j \in Server \ {i}, s \in DOMAIN ad.props})
                  ELSE UNCHANGED <<leader, preparing, proposals, nextSlot, accepted, votes, chosen,
                                   msgs>>
          ELSE UNCHANGED <<promises, leader, preparing, proposals, nextSlot, accepted, votes, chosen,
                           msgs>>
       /\ UNCHANGED <<ballot, promised, snapshotIndex, snapshot, applied, proposed>>

----------------------------------------------------------------------------
(* Phase 2 *)

\* The leader assigns its next slot to client command v (its own acceptor votes at once).  A
\* leader that learned later slots chosen (Decide from a newer leader it has not heard of in
\* phase 1 or 2) skips them: it never proposes in a slot it knows chosen or compacted.
Propose(i, v) ==
    LET s == Max(nextSlot[i], Max(snapshotIndex[i], TopSlot(chosen[i])) + 1)
    IN /\ leader[i]
       /\ proposals' = [proposals EXCEPT ![i] = (s :> v) @@ @]
       /\ nextSlot'  = [nextSlot EXCEPT ![i] = s + 1]
       /\ proposed'  = proposed \cup {v}
       /\ OwnVote(i, ballot[i], s :> v)
       /\ Broadcast({AcceptMsg(i, j, ballot[i], s, v) : j \in Server \ {i}})
       /\ UNCHANGED <<ballot, promised, snapshotIndex, snapshot, leader, preparing, applied,
                      promises>>

HandleAccept(i, m) ==
    LET ok == /\ m.ballot >= promised[i] \/ Flaw = "AcceptBelowPromise"
              /\ m.slot > snapshotIndex[i]
    IN /\ m.mtype = "Accept"
       /\ IF ok
          THEN /\ promised' = [promised EXCEPT ![i] = Max(@, m.ballot)]
               /\ accepted' = [accepted EXCEPT ![i] = (m.slot :> <<m.ballot, m.value>>) @@ @]
               /\ StepDown(i, Max(promised[i], m.ballot))
               /\ Reply(AcceptedMsg(i, m.msource, m.ballot, m.slot))
          ELSE UNCHANGED <<promised, accepted, leader, preparing, msgs>>
       /\ UNCHANGED <<ballot, snapshotIndex, snapshot, chosen, applied, promises, votes,
                      proposals, nextSlot, proposed>>

\* The leader counts Accepted of its ballot; a majority for a slot makes the proposal chosen,
\* and the leader tells every server (Decide).
HandleAccepted(i, m) ==
    LET s  == m.slot
        V  == votes[i] \cup {<<s, m.msource>>}
        counted == leader[i] /\ m.ballot = ballot[i] /\ s \in DOMAIN proposals[i]
        decide  == /\ counted
                   /\ s > snapshotIndex[i]
                   /\ s \notin DOMAIN chosen[i]
                   /\ IsPhase2Quorum({a \in Server : <<s, a>> \in V})
    IN /\ m.mtype = "Accepted"
       /\ votes' = [votes EXCEPT ![i] = IF counted THEN V ELSE @]
       /\ IF decide
          THEN /\ chosen' = [chosen EXCEPT ![i] = @ @@ (s :> proposals[i][s])]
               /\ Broadcast({DecideMsg(i, j, s, proposals[i][s]) : j \in Server \ {i}})
          ELSE UNCHANGED <<chosen, msgs>>
       /\ UNCHANGED <<durableVars, leader, preparing, applied, promises, proposals, nextSlot, proposed>>

----------------------------------------------------------------------------
(* Learning, applying, snapshots *)

\* Any server may tell another a value it knows chosen (a leader does after choosing it).
SendDecide(i, j, s) ==
    /\ Knows(i, s)
    /\ Reply(DecideMsg(i, j, s, KnownValue(i, s)))
    /\ UNCHANGED <<durableVars, volatileVars, proposed>>

HandleDecide(i, m) ==
    /\ m.mtype = "Decide"
    /\ chosen' = [chosen EXCEPT ![i] =
                     IF m.slot > snapshotIndex[i] /\ m.slot \notin DOMAIN @
                     THEN @ @@ (m.slot :> m.value) ELSE @]
    /\ UNCHANGED <<durableVars, leader, preparing, applied, promises, votes, proposals, nextSlot,
                   proposed, msgs>>

Apply(i) ==
    /\ applied[i] + 1 \in DOMAIN chosen[i]
    /\ applied' = [applied EXCEPT ![i] = @ + 1]
    /\ UNCHANGED <<durableVars, leader, preparing, chosen, promises, votes, proposals, nextSlot,
                   proposed, msgs>>

\* Snapshot the applied prefix; accepted and chosen slots below it are dropped.
TakeSnapshot(i) ==
    LET si == snapshotIndex[i]
        k  == applied[i]
    IN /\ k > si
       /\ snapshot'      = [snapshot EXCEPT ![i] =
                               Compact(@, [x \in 1 .. (k - si) |-> chosen[i][si + x]])]
       /\ snapshotIndex' = [snapshotIndex EXCEPT ![i] = k]
       /\ accepted'      = [accepted EXCEPT ![i] = Above(@, k)]
       /\ chosen'        = [chosen EXCEPT ![i] = Above(@, k)]
       /\ UNCHANGED <<ballot, promised, leader, preparing, applied, promises, votes, proposals, nextSlot,
                      proposed, msgs>>

\* Any server with a snapshot may ship it (a leader does to a replica that lags).
SendSnapshot(i, j) ==
    /\ snapshotIndex[i] > 0
    /\ Reply(InstallSnapshotMsg(i, j))
    /\ UNCHANGED <<durableVars, volatileVars, proposed>>

\* A newer snapshot replaces the compacted prefix; slots above it are kept (the flaw drops them,
\* accepted and chosen ones alike).
HandleInstallSnapshot(i, m) ==
    LET k == m.index
        overwrite == Flaw = "SnapshotOverwritesNewer"
    IN /\ m.mtype = "InstallSnapshot"
       /\ IF k > snapshotIndex[i]
          THEN /\ snapshot'      = [snapshot EXCEPT ![i] = m.data]
               /\ snapshotIndex' = [snapshotIndex EXCEPT ![i] = k]
               /\ accepted'      = [accepted EXCEPT ![i] =
                                       IF overwrite THEN [s \in {} |-> <<0, Noop>>] ELSE Above(@, k)]
               /\ chosen'        = [chosen EXCEPT ![i] = IF overwrite THEN NoSlots ELSE Above(@, k)]
               /\ applied'       = [applied EXCEPT ![i] = Max(@, k)]
          ELSE UNCHANGED <<snapshot, snapshotIndex, accepted, chosen, applied>>
       /\ UNCHANGED <<ballot, promised, leader, preparing, promises, votes, proposals, nextSlot, proposed,
                      msgs>>

----------------------------------------------------------------------------
(* Leader liveness and pre-emption *)

SendHeartbeat(i, j) ==
    /\ leader[i]
    /\ Reply(HeartbeatMsg(i, j))
    /\ UNCHANGED <<durableVars, volatileVars, proposed>>

\* A heartbeat resets the follower's election timer: no state the spec keeps.
HandleHeartbeat(i, m) ==
    /\ m.mtype = "Heartbeat"
    /\ UNCHANGED vars

\* A follower that heard of chosen slots it lacks asks the leader for them (CatchUp{ballot,
\* applied}); the leader answers with InstallSnapshot and Decide, which need no more state
\* than any sender of theirs (SendSnapshot, SendDecide).
CatchUpMsg(i, j, b) == [mtype |-> "CatchUp", msource |-> i, mdest |-> j, ballot |-> b,
                        applied |-> applied[i]]

SendCatchUp(i, j, b) ==
    /\ Reply(CatchUpMsg(i, j, b))
    /\ UNCHANGED <<durableVars, volatileVars, proposed>>

HandleCatchUp(i, m) ==
    /\ m.mtype = "CatchUp"
    /\ UNCHANGED vars

\* An acceptor tells a proposer of its higher promise.
SendNack(i, j) ==
    /\ Reply(NackMsg(i, j))
    /\ UNCHANGED <<durableVars, volatileVars, proposed>>

HandleNack(i, m) ==
    /\ m.mtype = "Nack"
    /\ promised' = [promised EXCEPT ![i] = Max(@, m.ballot)]
    /\ StepDown(i, Max(promised[i], m.ballot))
    /\ UNCHANGED <<ballot, accepted, snapshotIndex, snapshot, chosen, applied, promises, votes,
                   proposals, nextSlot, proposed, msgs>>

----------------------------------------------------------------------------
(* Crash and restart: the durable state survives, the rest is rebuilt. *)

Restart(i) ==
    /\ leader'    = [leader EXCEPT ![i] = FALSE]
    /\ preparing' = [preparing EXCEPT ![i] = FALSE]
    /\ chosen'    = [chosen EXCEPT ![i] = NoSlots]
    /\ applied'   = [applied EXCEPT ![i] = snapshotIndex[i]]
    /\ promises'  = [promises EXCEPT ![i] = {}]
    /\ votes'     = [votes EXCEPT ![i] = {}]
    /\ proposals' = [proposals EXCEPT ![i] = NoSlots]
    /\ nextSlot'  = [nextSlot EXCEPT ![i] = 0]
    /\ UNCHANGED <<durableVars, proposed, msgs>>

----------------------------------------------------------------------------
(* The specification *)

Receive(m) ==
    LET i == m.mdest
    IN \/ HandlePrepare(i, m)
       \/ HandlePromise(i, m)
       \/ HandleAccept(i, m)
       \/ HandleAccepted(i, m)
       \/ HandleDecide(i, m)
       \/ HandleInstallSnapshot(i, m)
       \/ HandleHeartbeat(i, m)
       \/ HandleNack(i, m)
       \/ HandleCatchUp(i, m)

Next ==
    \/ \E i \in Server : \/ StartBallot(i)
                         \/ Apply(i)
                         \/ TakeSnapshot(i)
                         \/ Restart(i)
    \/ \E i \in Server, v \in Value : Propose(i, v)
    \/ \E i, j \in Server : \/ SendSnapshot(i, j)
                            \/ SendHeartbeat(i, j)
                            \/ SendNack(i, j)
                            \/ \E b \in {promised[i]} : SendCatchUp(i, j, b)
                            \/ \E s \in DOMAIN chosen[i] : SendDecide(i, j, s)
    \/ \E m \in msgs : Receive(m)

Spec == Init /\ [][Next]_vars

----------------------------------------------------------------------------
(* Invariants, one property each so that TLC names the one that fails. *)

Slots(i) == (1 .. snapshotIndex[i]) \cup DOMAIN chosen[i]

TypeOK ==
    /\ ballot        \in [Server -> Nat]
    /\ promised      \in [Server -> Nat]
    /\ snapshotIndex \in [Server -> Nat]
    /\ leader        \in [Server -> BOOLEAN]
    /\ applied       \in [Server -> Nat]
    /\ \A i \in Server :
           /\ Len(snapshot[i]) = snapshotIndex[i]
           /\ \A s \in DOMAIN accepted[i] : s > snapshotIndex[i]
           /\ \A s \in DOMAIN chosen[i] : s > snapshotIndex[i]
           /\ leader[i] => ballot[i] > 0 /\ Owns(i, ballot[i])

\* Chosen in the protocol's sense: a majority accepted v in slot s in one ballot (read from the
\* Accepted answers and the Accept requests of the network, which keeps every message).  Valid
\* for three or more servers (with fewer, a leader may choose before sending any Accept).
AcceptedBy(b, s) == {m.msource : m \in {x \in msgs : x.mtype = "Accepted" /\ x.ballot = b /\ x.slot = s}}
\* The leader's own vote is not a message: it voted for every Accept it sent.
ChosenIn(s, v) ==
    \E m \in msgs : /\ m.mtype = "Accept" /\ m.slot = s /\ m.value = v
                    /\ IsQuorum(AcceptedBy(m.ballot, s) \cup {m.msource})

AcceptValues(s) == {m.value : m \in {x \in msgs : x.mtype = "Accept" /\ x.slot = s}}

\* The values chosen in slot s in the protocol's sense, or known chosen by some server.
ChosenValues(s) ==
    {v \in AcceptValues(s) : ChosenIn(s, v)}
        \cup {KnownValue(i, s) : i \in {j \in Server : Knows(j, s)}}

\* At most one value is chosen per slot, and every server that knows a slot chosen knows that value.
Agreement ==
    \A s \in {m.slot : m \in {x \in msgs : x.mtype = "Accept"}} \cup UNION {Slots(i) : i \in Server} :
        Cardinality(ChosenValues(s)) <= 1

\* Only noop or commands clients asked for are accepted, chosen or applied.
Validity ==
    \A i \in Server :
        /\ \A s \in Slots(i) : KnownValue(i, s) \in proposed \cup {Noop}
        /\ \A s \in DOMAIN accepted[i] : accepted[i][s][2] \in proposed \cup {Noop}

\* Every server still knows the value of each slot it applied, and two servers applied the same
\* value in every slot both applied.
LogConsistency ==
    /\ \A i \in Server : \A s \in 1 .. applied[i] : Knows(i, s)
    /\ \A i, j \in Server :
           \A s \in 1 .. applied[i] : s <= applied[j] => KnownValue(i, s) = KnownValue(j, s)

\* A snapshot covers only applied slots, and every value in it was chosen.
SnapshotSafety ==
    \A i \in Server :
        /\ snapshotIndex[i] <= applied[i]
        /\ \A s \in 1 .. snapshotIndex[i] : ChosenIn(s, CompactedAt(snapshot[i], s))

\* Phase 2 never lets an acceptor's accepted ballot pass its promise.
AcceptedBelowPromise ==
    \A i \in Server : \A s \in DOMAIN accepted[i] : accepted[i][s][1] <= promised[i]

=============================================================================
