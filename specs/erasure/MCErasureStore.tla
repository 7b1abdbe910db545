--------------------------- MODULE MCErasureStore ---------------------------
(***************************************************************************)
(* Model-checking wrapper for ErasureStore: bounds the versions, reads,    *)
(* repair rounds, coordinator crashes and disk losses so that TLC explores *)
(* a finite space.  Clients are abstract: a put is a (key, value) pair the *)
(* coordinator may start while it is neither pending nor acknowledged      *)
(* (again after a crash: the client's retry); a get may start any time.    *)
(* Storage nodes in Down never take a step (the liveness configs).         *)
(***************************************************************************)
EXTENDS ErasureStore

CONSTANTS
    Key,            \* keys (model values)
    Value,          \* values (model values)
    MaxVersion,     \* no key gets a version above this
    MaxReads,       \* gets started in a behaviour
    MaxRepairs,     \* repair rounds (timer firings)
    MaxCrashes,     \* coordinator crashes
    MaxWipes,       \* disk losses (a storage node crashes, loses its disk and restarts)
    Down            \* storage nodes that never act

ASSUME Down \subseteq Storage /\ K \in 1 .. N /\ W \in K .. N

\* Counts the bounded steps; not part of the protocol.
VARIABLE budget

mcVars == <<vars, budget>>

MCInit == Init /\ budget = [reads |-> 0, repairs |-> 0, crashes |-> 0]

\* A put of val to k is neither pending nor acknowledged (its client still waits).
Waiting(k, val) ==
    /\ ~\E w \in writes : w.key = k /\ vals[<<k, w.ver>>] = val
    /\ ~\E a \in acked : a[1] = k /\ vals[a] = val

Up(s) == s \notin Down

\* One named operator per action so that TLC's counterexamples name the step taken.
MCStartWrite(k, val) ==
    /\ At(nextVersion, k, 1) <= MaxVersion
    /\ Waiting(k, val)
    /\ StartWrite(k, val, val, 1)      \* each value is its own client's put number 1
    /\ UNCHANGED budget
\* Handlers are idempotent; the guards below leave out handling a message again when that would
\* change nothing (a stutter), which only saves TLC the work.
MCHandleStoreAck(m) ==
    /\ m.mtype = "StoreAck"
    /\ \E w \in writes : w.key = m.key /\ w.ver = m.version /\ m.msource \notin w.acks
    /\ HandleStoreAck(m)
    /\ UNCHANGED budget
MCAckWrite(w) == AckWrite(w) /\ UNCHANGED budget
MCStartRead(k) ==
    /\ budget.reads < MaxReads
    /\ StartRead(k, 0, 0)
    /\ budget' = [budget EXCEPT !.reads = @ + 1]
MCHandleShard(m) ==
    /\ m.mtype = "ShardReply"
    /\ Keeps(m)
    /\ [key |-> m.key, ver |-> m.version, node |-> m.msource] \notin nones
    /\ [key |-> m.key, ver |-> m.version, idx |-> m.index, data |-> m.data] \notin got
    /\ HandleShard(m)
    /\ UNCHANGED budget
MCCompleteRead(r, U) == CompleteRead(r, U) /\ UNCHANGED budget
MCStartRepair ==
    /\ budget.repairs < MaxRepairs
    /\ StartRepair
    /\ budget' = [budget EXCEPT !.repairs = @ + 1]
MCRepairShard(k, v, U) == RepairShard(k, v, U) /\ UNCHANGED budget
MCCrashCoord ==
    /\ budget.crashes < MaxCrashes
    /\ CrashCoord
    /\ budget' = [budget EXCEPT !.crashes = @ + 1]
MCHandleStore(s, m) ==
    /\ Up(s) /\ m.mtype = "Store" /\ m.mdest = s
    /\ m.version >= At(scommitted[s], m.key, 0)
    /\ [key |-> m.key, ver |-> m.version, data |-> m.data] \notin shards[s]
    /\ HandleStore(s, m)
    /\ UNCHANGED budget
MCHandleFetch(s, m) ==
    /\ Up(s) /\ m.mtype = "Fetch" /\ m.mdest = s
    /\ HandleFetch(s, m)
    /\ msgs' # msgs
    /\ UNCHANGED budget
MCHandleCommit(s, m) ==
    /\ Up(s) /\ m.mtype = "Commit" /\ m.mdest = s
    /\ m.version > At(scommitted[s], m.key, 0)
    /\ HandleCommit(s, m)
    /\ UNCHANGED budget
MCWipe(s) == Up(s) /\ wipes < MaxWipes /\ Wipe(s) /\ UNCHANGED budget

CoordNext ==
    \/ \E k \in Key, val \in Value : MCStartWrite(k, val)
    \/ \E m \in msgs : MCHandleStoreAck(m)
    \/ \E w \in writes : MCAckWrite(w)
    \/ \E k \in Key : MCStartRead(k)
    \/ \E m \in msgs : MCHandleShard(m)
    \/ \E r \in reads : \E U \in Decodable(r.key, r.ver, FALSE) \cup {{}} : MCCompleteRead(r, U)
    \/ MCStartRepair
    \/ \E x \in repairing : \E U \in Decodable(x[1], x[2], Flaw = "RepairMixedVersions") :
           MCRepairShard(x[1], x[2], U)

StorageNext(s) ==
    \/ \E m \in msgs : MCHandleStore(s, m)
    \/ \E m \in msgs : MCHandleFetch(s, m)
    \/ \E m \in msgs : MCHandleCommit(s, m)

MCNext ==
    \/ CoordNext
    \/ MCCrashCoord
    \/ \E s \in Storage : StorageNext(s)
    \/ \E s \in Storage : MCWipe(s)

MCSpec == MCInit /\ [][MCNext]_mcVars

(***************************************************************************)
(* A later starting point for the RepairMixedVersions flaw, whose shortest *)
(* violation from Init (a write acknowledged, a second one half stored, a  *)
(* disk lost, a repair round) is deep for a CI-cost breadth-first search.  *)
(* This state is reachable in the correct protocol: version 1 of the key   *)
(* was written, every node stored and acknowledged its shard, the write    *)
(* was acknowledged and every node handled its Commit.                     *)
(***************************************************************************)
CommittedInit ==
    LET k == CHOOSE x \in Key : TRUE
        x == CHOOSE y \in Value : TRUE
    IN /\ nextVersion = (k :> 2)
       /\ committed   = (k :> 1)
       /\ sessions    = (x :> 1)
       /\ writes = {} /\ reads = {} /\ repairing = {} /\ got = {} /\ nones = {}
       /\ shards      = [s \in Storage |-> {[key |-> k, ver |-> 1, data |-> ShardData(k, 1, Idx(s))]}]
       /\ scommitted  = [s \in Storage |-> (k :> 1)]
       /\ vals        = (<<k, 1>> :> x)
       /\ acked       = {<<k, 1>>}
       /\ lastRead = NoRead /\ lastDecode = NoDecode /\ wipes = 0
       /\ msgs        = {StoreMsg(s, k, 1, Idx(s), ShardData(k, 1, Idx(s))) : s \in Storage}
                        \cup {StoreAckMsg(s, k, 1) : s \in Storage} \cup {CommitMsg(s, k, 1) : s \in Storage}
       /\ budget      = [reads |-> 0, repairs |-> 0, crashes |-> 0]

MCCommittedSpec == CommittedInit /\ [][MCNext]_mcVars

----------------------------------------------------------------------------
(* Liveness: with the coordinator up (no crashes) and the nodes in Down    *)
(* never acting, every put and the get complete, under weak fairness of    *)
(* every step of the coordinator and of the nodes that are up.  Handlers   *)
(* are idempotent, so handling a message again is a stutter: fairness      *)
(* makes every message eventually handled, never the same one forever.     *)

LiveSpec ==
    /\ MCSpec
    /\ WF_mcVars(CoordNext)
    /\ \A k \in Key, val \in Value : WF_mcVars(MCStartWrite(k, val))
    /\ \A k \in Key : WF_mcVars(MCStartRead(k))
    /\ WF_mcVars(\E w \in writes : MCAckWrite(w))
    /\ WF_mcVars(\E m \in msgs : MCHandleStoreAck(m))
    /\ WF_mcVars(\E m \in msgs : MCHandleShard(m))
    /\ WF_mcVars(\E r \in reads : \E U \in Decodable(r.key, r.ver, FALSE) \cup {{}} : MCCompleteRead(r, U))
    /\ \A s \in Storage \ Down :
           /\ WF_mcVars(\E m \in msgs : MCHandleStore(s, m))
           /\ WF_mcVars(\E m \in msgs : MCHandleFetch(s, m))
           /\ WF_mcVars(\E m \in msgs : MCHandleCommit(s, m))

\* Every put is acknowledged and the gets were answered.
PutsDone == \A k \in Key, val \in Value : \E a \in acked : a[1] = k /\ vals[a] = val
AllComplete == <>(PutsDone /\ budget.reads = MaxReads /\ reads = {})

----------------------------------------------------------------------------

\* Reachability witnesses ("sometimes"), each an invariant that must be violated (README.md):
\* a read decodes a stored version; a repair decodes (on bounds without reads, MaxReads = 0, only a
\* repair decodes: a wiped node answered "none" and K shards rebuilt its shard).
NeverReadsData == lastRead.ver = 0
NeverRepairs == lastDecode = NoDecode

Symmetry == Permutations(Value)
=============================================================================
