-------------------------- MODULE TraceErasureStore --------------------------
(***************************************************************************)
(* Trace spec: replays an NDJSON trace of an erasure-coded store against   *)
(* ErasureStore.tla, one event per step, on the network of                 *)
(* specs/lib/TraceNet.tla (messages by identity, crash state, plan-bound   *)
(* faults, disk loss through NetWipe).  The event-to-action table is in    *)
(* README.md.                                                              *)
(*                                                                         *)
(* The header binds the trace: the coordinator is roles.coordinator[1],    *)
(* the storage nodes roles.storage (ascending order = shard index), the    *)
(* clients roles.client; params.options k, m, writeQuorum, repairEvery and *)
(* diskLoss must agree with them and with the trace.                       *)
(*                                                                         *)
(* Besides ErasureStore.tla's state the trace spec keeps:                  *)
(*  - net: TraceNet's network and node state;                              *)
(*  - msgs: here the messages a node's actions produced and it has not     *)
(*    sent yet (each send must be one of them; deliveries and timers wait  *)
(*    until the node sent them all);                                       *)
(*  - hexOf, lenOf: the bytes of shard i of (key, version) and the value's *)
(*    length, as the write sent them.  Every later copy (stored, fetched,  *)
(*    repaired) must carry exactly these bytes: the spec's shard data      *)
(*    ShardData(k, v, i) stands for them.                                  *)
(***************************************************************************)
EXTENDS ErasureStore, TraceNet, KvStore

VARIABLES hexOf, lenOf

traceVars == <<hexOf, lenOf>>

----------------------------------------------------------------------------
(* The header *)

Options == Get(TraceParams, "options", [x \in {} |-> ""])

\* The implementation's option text as a number (its default when absent); -1 when unreadable.
NumOption(k, d) ==
    LET t == Get(Options, k, ToString(d))
    IN IF \E n \in 0 .. 10000 : ToString(n) = t THEN CHOOSE n \in 0 .. 10000 : ToString(n) = t ELSE -1

TraceCoord == Get(TraceHeader.roles, "coordinator", <<0>>)[1]
TraceStorage == RoleNodes("storage")
TraceK == NumOption("k", 2)
TraceM == NumOption("m", 1)
TraceW == NumOption("writeQuorum", TraceK + TraceM)
RepairEvery == NumOption("repairEvery", 0)
DiskLoss == Get(Options, "diskLoss", "false") = "true"

HeaderOk ==
    /\ HasRoles
    /\ Len(Get(TraceHeader.roles, "coordinator", <<>>)) = 1
    /\ TraceServers = {TraceCoord} \cup TraceStorage
    /\ TraceCoord \notin TraceStorage
    /\ TraceServers \cap TraceClients = {}
    /\ TraceServers \cup TraceClients = TraceNodes
    /\ TraceK >= 1 /\ TraceM >= 0
    /\ Cardinality(TraceStorage) = TraceK + TraceM
    /\ TraceW >= TraceK /\ TraceW <= TraceK + TraceM
    /\ RepairEvery >= 0
    /\ Get(Options, "diskLoss", "false") \in {"true", "false"}
    /\ Param("servers", Cardinality(TraceServers)) = Cardinality(TraceServers)
    /\ SeqToSet(Param("clients", RoleSeq("client"))) = TraceClients

----------------------------------------------------------------------------
(* From trace values to spec values *)

ShardKey(k, v, i) == <<k, v, i>>

\* The spec data of bytes hex (length len) for shard i of (k, v): the original shard when they are
\* the bytes its write sent, "none" for the empty answer, Garbage otherwise.
SpecData(k, v, i, hex, len) ==
    IF hex = "" /\ len = -1 THEN NoData
    ELSE IF /\ ShardKey(k, v, i) \in DOMAIN hexOf
            /\ hexOf[ShardKey(k, v, i)] = hex
            /\ lenOf[<<k, v>>] = len
         THEN ShardData(k, v, i)
         ELSE Garbage

SpecMsg(tm) ==
    LET t == tm.type
        b == tm.body
        f == tm.from
        d == tm.to
    IN CASE t = "Store" ->
              StoreMsg(d, b.key, b.version, b.index, SpecData(b.key, b.version, b.index, b.data, b.length))
         [] t = "StoreAck" ->
              [mtype |-> t, msource |-> f, mdest |-> d, key |-> b.key, version |-> b.version, index |-> b.index]
         [] t = "Commit" -> [mtype |-> t, msource |-> f, mdest |-> d, key |-> b.key, version |-> b.version]
         [] t = "Fetch" ->
              [mtype |-> t, msource |-> f, mdest |-> d, key |-> b.key, version |-> b.version, purpose |-> b.purpose]
         [] t = "ShardReply" ->
              [mtype |-> t, msource |-> f, mdest |-> d, key |-> b.key, version |-> b.version, index |-> b.index,
               data |-> SpecData(b.key, b.version, b.index, b.data, b.length)]
         [] t = "ClientReply" ->
              [mtype |-> t, msource |-> f, mdest |-> d, seq |-> b.seq, ok |-> b.ok,
               res |-> IF Has(b, "value") THEN <<b.value>> ELSE <<>>]
         [] OTHER -> [mtype |-> "unknown"]

StoreTypes == {"Store", "StoreAck", "Commit", "Fetch", "ShardReply"}

ServerMsg(tm) ==
    /\ tm.type \in StoreTypes
    /\ \/ tm.from = Coord /\ tm.to \in Storage /\ tm.type \in {"Store", "Commit", "Fetch"}
       \/ tm.from \in Storage /\ tm.to = Coord /\ tm.type \in {"StoreAck", "ShardReply"}

ClientRequestMsg(tm) ==
    tm.type = "ClientRequest" /\ tm.from \in TraceClients /\ tm.to = Coord /\ tm.body.clientId = tm.from

ClientReplyMsg_(tm) == tm.type = "ClientReply" /\ tm.from = Coord /\ tm.to \in TraceClients

\* The messages the spec keeps are the ones produced and not yet sent.
TraceSend(ms) == msgs' = msgs \cup ms

\* Node n has sent everything its actions produced.
Settled(n) == \A m \in msgs : m.msource # n

HasPending(i, type) == Pending(i) # NoMsg /\ Pending(i).type = type

\* The request's command (KvStore.tla's reading of "clientId:seq:op").
Command(b) == KvCommand(ToString(b.clientId) \o ":" \o ToString(b.seq) \o ":" \o b.op)

----------------------------------------------------------------------------
(* The state recorded with an action, compared with the spec state after it *)

\* A spec map over keys against a JSON object, entries at the default d may be left out.
MapMatches(r, f, d) == \A x \in DOMAIN r \cup DOMAIN f : Get(r, x, d) = At(f, x, d)

\* The coordinator's persisted metadata (sessions: keys are client ids as text).
MetadataMatches(st, nv, cm, ss) ==
    /\ MapMatches(Get(st, "nextVersion", [x \in {} |-> 0]), nv, 1)
    /\ MapMatches(Get(st, "committed", [x \in {} |-> 0]), cm, 0)
    /\ \A c \in DOMAIN ss : Get(Get(st, "sessions", [x \in {} |-> 0]), ToString(c), 0) = ss[c]
    /\ \A x \in DOMAIN Get(st, "sessions", [y \in {} |-> 0]) :
           st.sessions[x] = 0 \/ \E c \in DOMAIN ss : ToString(c) = x

CoordMatches(st) ==
    /\ Has(st, "nextVersion") /\ Has(st, "committed") /\ Has(st, "sessions") /\ Has(st, "pending")
    /\ MetadataMatches(st, nextVersion', committed', sessions')
    /\ UNION {{<<k, v>> : v \in SeqToSet(st.pending[k])} : k \in DOMAIN st.pending} = {<<w.key, w.ver>> : w \in writes'}

\* Storage node s's shards as the trace shows them: <<key, "version", hex, length>>.
ShardRows(s, sh) ==
    {<<x.key, ToString(x.ver), At(hexOf, ShardKey(x.key, x.ver, Idx(s)), ""), At(lenOf, <<x.key, x.ver>>, -2)>> :
        x \in sh}

RecordedRows(r) ==
    UNION {{<<k, v, r[k][v].data, r[k][v].length>> : v \in DOMAIN r[k]} : k \in DOMAIN r}

StorageMatches(s, st, sh, sc) ==
    /\ RecordedRows(st.shards) = ShardRows(s, sh)
    /\ \A x \in sh : x.data = ShardData(x.key, x.ver, Idx(s))
    /\ MapMatches(st.committed, sc, 0)

\* The shards of got a decode's "used" [[index, version], ...] names.
UsedShards(e, k) ==
    LET used == SeqToSet(Get(e.state, "used", <<>>))
    IN {g \in got : g.key = k /\ <<g.idx, g.ver>> \in used}

UsedOk(e, U) ==
    /\ Has(e.state, "used")
    /\ Cardinality(U) = Len(e.state.used)
    /\ {<<u.idx, u.ver>> : u \in U} = SeqToSet(e.state.used)

CoordAction(e, a) == IsAction(e, a) /\ e.node = Coord
StorageAction(e, a) == IsAction(e, a) /\ e.node \in Storage

----------------------------------------------------------------------------
(* Coordinator *)

ClientHandler(e, a) ==
    /\ CoordAction(e, a)
    /\ HasPending(e.node, "ClientRequest")
    /\ NetConsume(e.node)

IsStartWrite(e) ==
    LET b == Pending(e.node).body
        c == Command(b)
    IN /\ ClientHandler(e, "StartWrite")
       /\ c.kind = "put"
       /\ StartWrite(c.key, c.val, b.clientId, b.seq)
       /\ CoordMatches(e.state)
       /\ UNCHANGED traceVars
       /\ TraceStep

IsAnswerFromSession(e) ==
    LET b == Pending(e.node).body
    IN /\ ClientHandler(e, "AnswerFromSession")
       /\ Command(b).kind = "put"
       /\ AnswerFromSession(b.clientId, b.seq)
       /\ CoordMatches(e.state)
       /\ UNCHANGED traceVars
       /\ TraceStep

IsStartRead(e) ==
    LET b == Pending(e.node).body
        c == Command(b)
    IN /\ ClientHandler(e, "StartRead")
       /\ c.kind = "get"
       /\ StartRead(c.key, b.clientId, b.seq)
       /\ CoordMatches(e.state)
       /\ UNCHANGED traceVars
       /\ TraceStep

IsHandleStoreAck(e) ==
    /\ CoordAction(e, "HandleStoreAck")
    /\ HasPending(e.node, "StoreAck")
    /\ NetConsume(e.node)
    /\ HandleStoreAck(SpecMsg(Pending(e.node)))
    /\ CoordMatches(e.state)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsHandleShard(e) ==
    /\ CoordAction(e, "HandleShard")
    /\ HasPending(e.node, "ShardReply")
    /\ NetConsume(e.node)
    /\ HandleShard(SpecMsg(Pending(e.node)))
    /\ CoordMatches(e.state)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsAckWrite(e) ==
    /\ CoordAction(e, "AckWrite")
    /\ NetAct(e)
    /\ \E w \in writes : AckWrite(w)
    /\ CoordMatches(e.state)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsCompleteRead(e) ==
    /\ CoordAction(e, "CompleteRead")
    /\ NetAct(e)
    /\ \E r \in reads :
           LET U == UsedShards(e, r.key)
           IN /\ UsedOk(e, U)
              /\ CompleteRead(r, U)
    /\ CoordMatches(e.state)
    /\ UNCHANGED traceVars
    /\ TraceStep

\* The repair timer's step (after a timer event); only with repairEvery > 0.
IsStartRepair(e) ==
    /\ CoordAction(e, "StartRepair")
    /\ NetAct(e)
    /\ RepairEvery > 0
    /\ StartRepair
    /\ CoordMatches(e.state)
    /\ UNCHANGED traceVars
    /\ TraceStep

IsRepairShard(e) ==
    /\ CoordAction(e, "RepairShard")
    /\ NetAct(e)
    /\ \E x \in repairing :
           LET U == UsedShards(e, x[1])
           IN /\ UsedOk(e, U)
              /\ RepairShard(x[1], x[2], U)
    /\ CoordMatches(e.state)
    /\ UNCHANGED traceVars
    /\ TraceStep

----------------------------------------------------------------------------
(* Storage *)

StorageHandler(e, a, t, H(_, _)) ==
    /\ StorageAction(e, a)
    /\ HasPending(e.node, t)
    /\ NetConsume(e.node)
    /\ H(e.node, SpecMsg(Pending(e.node)))
    /\ StorageMatches(e.node, e.state, shards'[e.node], scommitted'[e.node])
    /\ UNCHANGED traceVars
    /\ TraceStep

IsHandleStore(e) == StorageHandler(e, "HandleStore", "Store", HandleStore)
IsHandleFetch(e) == StorageHandler(e, "HandleFetch", "Fetch", HandleFetch)
IsHandleCommit(e) == StorageHandler(e, "HandleCommit", "Commit", HandleCommit)

----------------------------------------------------------------------------
(* Sends (NetSend binds the message id) *)

\* A Store of the coordinator for a shard no write sent yet: its bytes become that shard's.
FirstCopy(tm) ==
    tm.type = "Store" /\ ShardKey(tm.body.key, tm.body.version, tm.body.index) \notin DOMAIN hexOf

\* What the send stands for in the spec: a first copy is the original shard (its bytes recorded).
SentMsg(tm) ==
    IF FirstCopy(tm)
    THEN StoreMsg(tm.to, tm.body.key, tm.body.version, tm.body.index,
                  ShardData(tm.body.key, tm.body.version, tm.body.index))
    ELSE SpecMsg(tm)

RecordBytes(tm) ==
    IF FirstCopy(tm)
    THEN LET b == tm.body
         IN /\ b.length >= 0
            /\ At(lenOf, <<b.key, b.version>>, b.length) = b.length
            /\ hexOf' = hexOf @@ (ShardKey(b.key, b.version, b.index) :> b.data)
            /\ lenOf' = Put(lenOf, <<b.key, b.version>>, b.length)
    ELSE UNCHANGED traceVars

IsSendProduced(e) ==
    /\ IsKind(e, "send")
    /\ ServerMsg(e.msg) \/ ClientReplyMsg_(e.msg)
    /\ NetSend(e)
    /\ SentMsg(e.msg) \in msgs
    /\ msgs' = msgs \ {SentMsg(e.msg)}
    /\ RecordBytes(e.msg)
    /\ UNCHANGED <<coordVars, storageVars, historyVars>>
    /\ TraceStep

IsSendClientRequest(e) ==
    /\ IsKind(e, "send")
    /\ ClientRequestMsg(e.msg)
    /\ NetSend(e)
    /\ UNCHANGED <<vars, traceVars>>
    /\ TraceStep

----------------------------------------------------------------------------
(* Deliveries, losses, duplicates, timers, faults, crashes, disk loss *)

IsDeliver(e) ==
    /\ IsKind(e, "deliver")
    /\ \/ (ServerMsg(e.msg) \/ ClientRequestMsg(e.msg)) /\ Settled(e.node) /\ NetDeliver(e)
       \/ ClientReplyMsg_(e.msg) /\ NetDeliverTo(e, FALSE)
    /\ UNCHANGED <<vars, traceVars>>
    /\ TraceStep

IsNetwork(e) ==
    /\ \/ IsKind(e, "drop") /\ NetDrop(e)
       \/ IsKind(e, "duplicate") /\ NetDuplicate(e)
       \/ IsKind(e, "fault") /\ NetFault(e)
       \/ IsKind(e, "timer") /\ Settled(e.node) /\ NetTimer(e)
    /\ UNCHANGED <<vars, traceVars>>
    /\ TraceStep

\* A crash of the coordinator loses its pending writes, reads and repairs; a storage node keeps
\* everything it persisted (it persists before it acknowledges).
IsCrash(e) ==
    /\ IsKind(e, "crash")
    /\ Settled(e.node)
    /\ NetCrash(e)
    /\ IF e.node = Coord THEN CrashCoord ELSE UNCHANGED vars
    /\ UNCHANGED traceVars
    /\ TraceStep

\* Only storage nodes lose disks, only when the run's options say so (diskLoss=true).
IsWipe(e) ==
    /\ DiskLoss
    /\ e.node \in Storage
    /\ NetWipe(e)
    /\ Wipe(e.node)
    /\ UNCHANGED traceVars
    /\ TraceStep

\* The restart event may carry the persisted state: what it shows must be what the spec kept; a
\* storage node restarting without it must have kept nothing (after a disk loss).
IsRestart(e) ==
    LET n == e.node
    IN /\ IsKind(e, "restart")
       /\ NetRestart(e)
       /\ IF Has(e, "state")
          THEN IF n \in Storage
               THEN StorageMatches(n, e.state, shards[n], scommitted[n])
               ELSE n = Coord /\ MetadataMatches(e.state, nextVersion, committed, sessions)
          ELSE n \in Storage => shards[n] = {} /\ \A x \in DOMAIN scommitted[n] : scommitted[n][x] = 0
       /\ UNCHANGED <<vars, traceVars>>
       /\ TraceStep

----------------------------------------------------------------------------

\* The trace's end condition: no delivery without its handler, nothing produced left unsent.
ErasureQuiet == NetQuiet /\ msgs = {}

TraceInit ==
    /\ TraceStart
    /\ Init
    /\ NetInit
    /\ hexOf = [x \in {} |-> ""]
    /\ lenOf = [x \in {} |-> 0]

TraceNext ==
    /\ TraceRemaining
    /\ HeaderOk
    /\ \/ IsStartWrite(CurrentEvent)
       \/ IsAnswerFromSession(CurrentEvent)
       \/ IsStartRead(CurrentEvent)
       \/ IsHandleStoreAck(CurrentEvent)
       \/ IsHandleShard(CurrentEvent)
       \/ IsAckWrite(CurrentEvent)
       \/ IsCompleteRead(CurrentEvent)
       \/ IsStartRepair(CurrentEvent)
       \/ IsRepairShard(CurrentEvent)
       \/ IsHandleStore(CurrentEvent)
       \/ IsHandleFetch(CurrentEvent)
       \/ IsHandleCommit(CurrentEvent)
       \/ IsSendProduced(CurrentEvent)
       \/ IsSendClientRequest(CurrentEvent)
       \/ IsDeliver(CurrentEvent)
       \/ IsNetwork(CurrentEvent)
       \/ IsCrash(CurrentEvent)
       \/ IsWipe(CurrentEvent)
       \/ IsRestart(CurrentEvent)

TraceSpec == TraceInit /\ [][TraceNext]_<<vars, net, traceVars, l>>

=============================================================================
