---------------------------- MODULE ErasureStore ----------------------------
(***************************************************************************)
(* Erasure-coded key-value storage: one coordinator orders the writes of   *)
(* every key (versions 1, 2, ... from its durable metadata, as a Ceph      *)
(* primary orders the writes of a placement group), cuts each value into   *)
(* N = K + M Reed-Solomon shards and stores shard i on the storage node    *)
(* at 0-based position i of the sorted storage list.  A write is           *)
(* acknowledged once W storage nodes made their shard durable; a read      *)
(* decodes K shards of the newest acknowledged version; a repair round     *)
(* rebuilds the shard of a node that answered "none" (it lost its disk)    *)
(* from K shards of the same version.                                      *)
(*                                                                         *)
(* Data is abstract: the shard with index i of version v of key k is the  *)
(* value ShardData(k, v, i) (Reed-Solomon is deterministic, so a correct   *)
(* rebuild is that same value), and decoding K shards of one version with  *)
(* their original data gives the written value back.  Anything else (a    *)
(* decode from several versions, or from wrong data) gives Garbage.        *)
(*                                                                         *)
(* Written for the conform project: action names, message types and        *)
(* fields are those of the Java implementation's trace events              *)
(* (impl/.../algorithms/erasure/store); TraceErasureStore.tla replays its  *)
(* traces step by step; README.md has the event-to-action table.           *)
(*                                                                         *)
(* The network is the set of every message ever sent (loss, duplication    *)
(* and reordering need no actions); every handler is idempotent.  Flaw     *)
(* switches on one teaching flaw; Flaw = "None" is the protocol.           *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets, TLC

CONSTANTS
    Coord,      \* the coordinator
    Storage,    \* the storage nodes: distinct naturals (sorted order = shard index)
    K,          \* data shards: any K shards of a version give the value back
    W,          \* write quorum: durable shards before a write is acknowledged, K <= W <= N
    Flaw        \* one of Flaws

Flaws == {"None", "AckBeforeQuorum", "RepairMixedVersions"}

ASSUME Flaw \in Flaws

N == Cardinality(Storage)
M == N - K

\* 0-based position of storage node s in ascending order: the shard index it holds.
Idx(s) == Cardinality({t \in Storage : t < s})

\* The storage node holding shard index i.
NodeOf(i) == CHOOSE s \in Storage : Idx(s) = i

Max(a, b) == IF a >= b THEN a ELSE b

\* Maps whose domain grows (keys, versions): f[x], or d where f has no x.
At(f, x, d) == IF x \in DOMAIN f THEN f[x] ELSE d
Put(f, x, v) == [y \in DOMAIN f \cup {x} |-> IF y = x THEN v ELSE f[y]]

\* The data of shard i of version v of key k, and what a decode from anything else gives.
\* (Records, so that TLC compares them with each other whatever the key type.)
ShardData(k, v, i) == [key |-> k, ver |-> v, idx |-> i]
Garbage == [garbage |-> TRUE]
NoData == [none |-> TRUE]     \* a ShardReply's "I hold none of that version"

VARIABLES
    \* coordinator, durable
    nextVersion,    \* key -> the version its next write gets (default 1)
    committed,      \* key -> newest acknowledged version (default 0)
    sessions,       \* client -> seq of its last acknowledged put (default 0): puts are exactly once
    \* coordinator, volatile
    writes,         \* pending writes: [key, ver, client, seq, acks: storage nodes that acked]
    reads,          \* open reads: [key, ver, client, seq, floor]
    repairing,      \* open repairs: <<key, version>>
    got,            \* shards received for open (key, version)s: [key, ver, idx, data]
    nones,          \* "none" answers for open (key, version)s: [key, ver, node]
    \* storage, durable (lost only with the disk)
    shards,         \* storage node -> set of [key, ver, data]
    scommitted,     \* storage node -> (key -> highest version it was told is committed)
    \* history and network
    vals,           \* <<key, version>> -> the value that write stored
    acked,          \* <<key, version>>s acknowledged to a client
    lastRead,       \* the last completed read: [key, ver, val, floor]
    lastDecode,     \* the last decode (read or repair): [key, ver, vers: versions of the shards used]
    wipes,          \* disk losses so far
    msgs            \* every message sent (client replies are not kept: see Send)

coordVars   == <<nextVersion, committed, sessions, writes, reads, repairing, got, nones>>
storageVars == <<shards, scommitted>>
historyVars == <<vals, acked, lastRead, lastDecode, wipes>>
vars        == <<coordVars, storageVars, historyVars, msgs>>

----------------------------------------------------------------------------
(* Messages (fields as the Java records) *)

StoreMsg(s, k, v, i, d) ==
    [mtype |-> "Store", msource |-> Coord, mdest |-> s, key |-> k, version |-> v, index |-> i, data |-> d]
StoreAckMsg(s, k, v) ==
    [mtype |-> "StoreAck", msource |-> s, mdest |-> Coord, key |-> k, version |-> v, index |-> Idx(s)]
CommitMsg(s, k, v) == [mtype |-> "Commit", msource |-> Coord, mdest |-> s, key |-> k, version |-> v]
FetchMsg(s, k, v, p) ==
    [mtype |-> "Fetch", msource |-> Coord, mdest |-> s, key |-> k, version |-> v, purpose |-> p]
ShardReplyMsg(s, k, v, d) ==
    [mtype |-> "ShardReply", msource |-> s, mdest |-> Coord, key |-> k, version |-> v, index |-> Idx(s),
     data |-> d]
\* res: <<>> (null: a put, a get of a never-written key) or <<value>>.
ClientReplyMsg(c, seq, res) ==
    [mtype |-> "ClientReply", msource |-> Coord, mdest |-> c, seq |-> seq, ok |-> TRUE, res |-> res]

\* An action's messages.  The model keeps server messages only: client replies are visible in
\* acked and lastRead.  The trace spec substitutes an outbox that the node's sends must empty.
Send(ms) == msgs' = msgs \cup {m \in ms : m.mtype # "ClientReply"}

----------------------------------------------------------------------------
(* Helpers *)

\* The (key, version)s whose shards the coordinator collects.
IsOpen(k, v) == (\E r \in reads : r.key = k /\ r.ver = v) \/ <<k, v>> \in repairing

\* Collections of (key, version)s no longer open are dropped.
Prune(rd, rp) ==
    LET open(k, v) == (\E r \in rd : r.key = k /\ r.ver = v) \/ <<k, v>> \in rp
    IN /\ got' = {g \in got : open(g.key, g.ver)}
       /\ nones' = {x \in nones : open(x.key, x.ver)}

\* Sets of K received shards of key k with distinct indexes (of version v unless any is TRUE).
Decodable(k, v, any) ==
    {U \in SUBSET {g \in got : g.key = k /\ (any \/ g.ver = v)} :
        Cardinality(U) = K /\ Cardinality({u.idx : u \in U}) = K}

\* Decoding U: the value of (k, v) when every shard is an original shard of version v.
Exact(U, k, v) == \A u \in U : u.ver = v /\ u.data = ShardData(k, v, u.idx)
Decode(U, k, v) == IF Exact(U, k, v) THEN vals[<<k, v>>] ELSE Garbage

\* Storage node s holds a shard of (k, v).
Holds(s, k, v) == \E sh \in shards[s] : sh.key = k /\ sh.ver = v
HeldData(s, k, v) == (CHOOSE sh \in shards[s] : sh.key = k /\ sh.ver = v).data

----------------------------------------------------------------------------
(* Initial state *)

NoRead == [key |-> "", ver |-> 0, val |-> <<>>, floor |-> 0]
NoDecode == [key |-> "", ver |-> 0, vers |-> {}]

Init ==
    /\ nextVersion = [x \in {} |-> 1]
    /\ committed   = [x \in {} |-> 0]
    /\ sessions    = [x \in {} |-> 0]
    /\ writes      = {}
    /\ reads       = {}
    /\ repairing   = {}
    /\ got         = {}
    /\ nones       = {}
    /\ shards      = [s \in Storage |-> {}]
    /\ scommitted  = [s \in Storage |-> [x \in {} |-> 0]]
    /\ vals        = [x \in {} |-> ""]
    /\ acked       = {}
    /\ lastRead    = NoRead
    /\ lastDecode  = NoDecode
    /\ wipes       = 0
    /\ msgs        = {}

----------------------------------------------------------------------------
(* Coordinator *)

\* A put (client c's request seq, not yet acknowledged): the next version of k, persisted, and
\* shard i to node i.  A client's earlier pending write (its retry's original) is abandoned.
StartWrite(k, val, c, seq) ==
    LET v == At(nextVersion, k, 1)
    IN /\ seq > At(sessions, c, 0)
       /\ nextVersion' = Put(nextVersion, k, v + 1)
       /\ writes' = {w \in writes : w.client # c}
                    \cup {[key |-> k, ver |-> v, client |-> c, seq |-> seq, acks |-> {}]}
       /\ vals' = vals @@ (<<k, v>> :> val)
       /\ Send({StoreMsg(s, k, v, Idx(s), ShardData(k, v, Idx(s))) : s \in Storage})
       /\ UNCHANGED <<committed, sessions, reads, repairing, got, nones, storageVars, acked, lastRead,
                      lastDecode, wipes>>

\* A put the session table shows acknowledged (a retry whose answer was lost): answered again.
AnswerFromSession(c, seq) ==
    /\ seq <= At(sessions, c, 0)
    /\ Send({ClientReplyMsg(c, seq, <<>>)})
    /\ UNCHANGED <<coordVars, storageVars, historyVars>>

\* An ack counts for the pending write of its (key, version), if any.
HandleStoreAck(m) ==
    /\ writes' = {IF w.key = m.key /\ w.ver = m.version
                  THEN [w EXCEPT !.acks = @ \cup {m.msource}] ELSE w : w \in writes}
    /\ UNCHANGED <<nextVersion, committed, sessions, reads, repairing, got, nones, storageVars, historyVars, msgs>>

\* The acks a write waits for; AckBeforeQuorum answers after K (the shards to decode, not to survive).
Quorum == IF Flaw = "AckBeforeQuorum" THEN K ELSE W

AckWrite(w) ==
    LET c == Max(At(committed, w.key, 0), w.ver)
    IN /\ w \in writes
       /\ Cardinality(w.acks) >= Quorum
       /\ committed' = Put(committed, w.key, c)
       /\ sessions' = Put(sessions, w.client, w.seq)
       /\ writes' = writes \ {w}
       /\ acked' = acked \cup {<<w.key, w.ver>>}
       /\ Send({ClientReplyMsg(w.client, w.seq, <<>>)} \cup {CommitMsg(s, w.key, c) : s \in Storage})
       /\ UNCHANGED <<nextVersion, reads, repairing, got, nones, storageVars, vals, lastRead,
                      lastDecode, wipes>>

\* The newest acknowledged version at the start of a read.
Floor(k) == LET vs == {x[2] : x \in {a \in acked : a[1] = k}}
            IN IF vs = {} THEN 0 ELSE CHOOSE x \in vs : \A y \in vs : y <= x

\* A get: the committed version; Fetch from every storage node (none for a never-written key).
StartRead(k, c, seq) ==
    LET v == At(committed, k, 0)
    IN /\ reads' = reads \cup {[key |-> k, ver |-> v, client |-> c, seq |-> seq, floor |-> Floor(k)]}
       /\ Send(IF v = 0 THEN {} ELSE {FetchMsg(s, k, v, "read") : s \in Storage})
       /\ UNCHANGED <<nextVersion, committed, sessions, writes, repairing, got, nones, storageVars, historyVars>>

\* A ShardReply is kept only for an open read or repair of exactly its (key, version);
\* RepairMixedVersions keeps any version of a key under repair.
Keeps(m) ==
    \/ IsOpen(m.key, m.version)
    \/ Flaw = "RepairMixedVersions" /\ \E x \in repairing : x[1] = m.key

HandleShard(m) ==
    /\ IF Keeps(m)
       THEN IF m.data = NoData
            THEN /\ nones' = nones \cup {[key |-> m.key, ver |-> m.version, node |-> m.msource]}
                 /\ UNCHANGED got
            ELSE /\ got' = got \cup {[key |-> m.key, ver |-> m.version, idx |-> m.index, data |-> m.data]}
                 /\ UNCHANGED nones
       ELSE UNCHANGED <<got, nones>>
    /\ UNCHANGED <<nextVersion, committed, sessions, writes, reads, repairing, storageVars, historyVars, msgs>>

\* Read r decodes the K shards U of its version and answers (a never-written key: null, no shards).
CompleteRead(r, U) ==
    LET res == IF r.ver = 0 THEN <<>> ELSE <<Decode(U, r.key, r.ver)>>
    IN /\ r \in reads
       /\ IF r.ver = 0 THEN U = {} ELSE U \in Decodable(r.key, r.ver, FALSE)
       /\ reads' = reads \ {r}
       /\ Prune(reads', repairing)
       /\ lastRead' = [key |-> r.key, ver |-> r.ver, val |-> res, floor |-> r.floor]
       /\ lastDecode' = [key |-> r.key, ver |-> r.ver, vers |-> {u.ver : u \in U}]
       /\ Send({ClientReplyMsg(r.client, r.seq, res)})
       /\ UNCHANGED <<nextVersion, committed, sessions, writes, repairing, storageVars, vals, acked, wipes>>

\* The repair timer: one repair per committed key, at its committed version; Fetch from everyone.
StartRepair ==
    LET ks == {k \in DOMAIN committed : committed[k] > 0}
    IN /\ repairing' = {<<k, committed[k]>> : k \in ks}
       /\ Prune(reads, repairing')
       /\ Send({FetchMsg(s, k, committed[k], "repair") : s \in Storage, k \in ks})
       /\ UNCHANGED <<nextVersion, committed, sessions, writes, reads, storageVars, historyVars>>

\* K shards of (k, v) are in and nodes answered "none": rebuild their shards from the K shards U,
\* and Store each to its node.  RepairMixedVersions takes K shards of any versions.
RepairShard(k, v, U) ==
    LET targets == {x.node : x \in {y \in nones : y.key = k /\ y.ver = v}}
        data(i) == IF Exact(U, k, v) THEN ShardData(k, v, i) ELSE Garbage
    IN /\ <<k, v>> \in repairing
       /\ targets # {}
       /\ U \in Decodable(k, v, Flaw = "RepairMixedVersions")
       /\ nones' = {y \in nones : ~(y.key = k /\ y.ver = v)}
       /\ lastDecode' = [key |-> k, ver |-> v, vers |-> {u.ver : u \in U}]
       /\ Send({StoreMsg(j, k, v, Idx(j), data(Idx(j))) : j \in targets})
       /\ UNCHANGED <<nextVersion, committed, sessions, writes, reads, repairing, got, storageVars, vals, acked,
                      lastRead, wipes>>

\* A crash loses the pending writes, reads and repairs (clients retry); the metadata stays.
CrashCoord ==
    /\ writes' = {} /\ reads' = {} /\ repairing' = {} /\ got' = {} /\ nones' = {}
    /\ UNCHANGED <<nextVersion, committed, sessions, storageVars, historyVars, msgs>>

----------------------------------------------------------------------------
(* Storage *)

\* Store a shard durably and ack it; a version below the node's committed one is ignored.
HandleStore(s, m) ==
    /\ IF m.version < At(scommitted[s], m.key, 0)
       THEN UNCHANGED <<shards, msgs>>
       ELSE /\ shards' = [shards EXCEPT ![s] =
                             {sh \in @ : ~(sh.key = m.key /\ sh.ver = m.version)}
                             \cup {[key |-> m.key, ver |-> m.version, data |-> m.data]}]
            /\ Send({StoreAckMsg(s, m.key, m.version)})
    /\ UNCHANGED <<coordVars, scommitted, historyVars>>

\* Newest version of k that s holds (RepairMixedVersions answers a repair Fetch with it).
Newest(s, k) ==
    LET vs == {sh.ver : sh \in {x \in shards[s] : x.key = k}}
    IN IF vs = {} THEN 0 ELSE CHOOSE x \in vs : \A y \in vs : y <= x

HandleFetch(s, m) ==
    LET v == IF Flaw = "RepairMixedVersions" /\ m.purpose = "repair" /\ Newest(s, m.key) > 0
             THEN Newest(s, m.key) ELSE m.version
    IN /\ Send({ShardReplyMsg(s, m.key, v, IF Holds(s, m.key, v) THEN HeldData(s, m.key, v) ELSE NoData)})
       /\ UNCHANGED <<coordVars, storageVars, historyVars>>

\* A committed version: remember it, drop the shards of older versions of that key.
HandleCommit(s, m) ==
    LET c == Max(At(scommitted[s], m.key, 0), m.version)
    IN /\ scommitted' = [scommitted EXCEPT ![s] = Put(@, m.key, c)]
       /\ shards' = [shards EXCEPT ![s] = {sh \in @ : sh.key # m.key \/ sh.ver >= c}]
       /\ UNCHANGED <<coordVars, historyVars, msgs>>

\* Disk loss (while down): the node restarts from nothing.
Wipe(s) ==
    /\ shards' = [shards EXCEPT ![s] = {}]
    /\ scommitted' = [scommitted EXCEPT ![s] = [x \in {} |-> 0]]
    /\ wipes' = wipes + 1
    /\ UNCHANGED <<coordVars, vals, acked, lastRead, lastDecode, msgs>>

----------------------------------------------------------------------------
(* Invariants (same names as the Java invariants) *)

\* A completed read answers the value of a version not older than the newest write acknowledged
\* before it started (writes concurrent with it are newer), decoded from that version.
ReadLatest ==
    lastRead.ver > 0 =>
        /\ lastRead.ver >= lastRead.floor
        /\ lastRead.val = <<vals[<<lastRead.key, lastRead.ver>>]>>

\* Every decode uses shards of the one version it decodes.
NoMixedRead == lastDecode.vers \subseteq {lastDecode.ver}

\* Every shard sent or stored is the original shard of its (key, version, index), and no node
\* holds a version below the one it knows committed.
RepairExact ==
    /\ \A m \in msgs : m.mtype = "Store" => m.data = ShardData(m.key, m.version, m.index)
    /\ \A s \in Storage : \A sh \in shards[s] :
           /\ sh.data = ShardData(sh.key, sh.ver, Idx(s))
           /\ sh.ver >= At(scommitted[s], sh.key, 0)

\* The storage nodes holding a shard of (k, v).
Holders(k, v) == {s \in Storage : Holds(s, k, v)}

\* While at most W - K disks were lost, each committed version has K holders (it can be read).
Durable ==
    wipes <= W - K =>
        \A k \in DOMAIN committed : committed[k] > 0 => Cardinality(Holders(k, committed[k])) >= K

TypeOK ==
    /\ \A k \in DOMAIN committed : committed[k] < At(nextVersion, k, 1)
    /\ \A w \in writes : w.acks \subseteq Storage /\ w.ver < At(nextVersion, w.key, 1)
    /\ \A r \in reads : r.ver <= At(committed, r.key, 0)
    /\ \A g \in got : g.idx \in 0 .. N - 1
    /\ wipes \in Nat
=============================================================================
