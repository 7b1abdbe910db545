------------------------------ MODULE TracePBFT ------------------------------
(***************************************************************************)
(* Trace spec of PBFT (impl/.../algorithms/pbft, algorithm "pbft"): an     *)
(* NDJSON trace is a run of PBFT under its own header, on the network of   *)
(* specs/lib/TraceNet.tla (messages by identity, crashes, plan-bound       *)
(* faults, Byzantine marks: NetByzantine).                                 *)
(*                                                                         *)
(*  - Authenticity, the abstract rule of the contract: a statement (a      *)
(*    message body or a statement embedded in one, with its sig) claiming  *)
(*    signer x is authentic iff the identical statement appeared in an     *)
(*    earlier send by x (signed).  Every node may relay authentic          *)
(*    statements; a send adds its sender's own statements to signed.      *)
(*    Honest nodes and clients send only authentic statements; a           *)
(*    Byzantine node may send anything (a forgery stays unauthentic).      *)
(*  - A handler of an honest replica consumes its delivery: Unauthenticated *)
(*    iff some statement in it is not authentic; every other handler only  *)
(*    acts on authentic statements, by the protocol rules of the contract, *)
(*    and its recorded state {view, changing, h, executed, log, state} is  *)
(*    checked against them and the statements it consumed (prepared and    *)
(*    committed need the prepares and commits it got, a stable checkpoint  *)
(*    the checkpoints).                                                    *)
(*  - Every statement an honest replica signs follows from its recorded    *)
(*    state (a Prepare from its log, a Commit from a prepared entry, a     *)
(*    Checkpoint from the state it recorded at that seq, a ViewChange or   *)
(*    NewView whose proofs check and whose pre-prepares are recomputed).   *)
(*  - A Byzantine node's actions and states are not checked, only that no  *)
(*    honest node uses what it sent unless authentic.                      *)
(*  - A client accepts a result (AcceptResult {seq, value}) only after     *)
(*    f+1 matching authentic Replies from distinct replicas arrived.       *)
(*  - Owed sends (a lower bound beside SendOk's upper one): an honest      *)
(*    replica's action owes the sends the protocol makes at once (the      *)
(*    runtime records them right after the action): PrePrepare for a new   *)
(*    entry of ReceiveRequest, Prepare for an accepted PrePrepare (one per *)
(*    entry of a NewView), Commit for an entry newly prepared, Checkpoint  *)
(*    at an executed multiple of K, Reply for a request executed the first *)
(*    time, ViewChange (StartViewChange, ResendViewChange), NewView        *)
(*    (SendNewView), each to every other replica (Reply: to its client).   *)
(*    A send takes its item; the replica's next action, deliver, timer,    *)
(*    crash or restart, and the end of the trace, need none left (owed).   *)
(*    A Byzantine mark drops what the node owed.                           *)
(*                                                                         *)
(* Digests (SHA-256) and KV state digests cannot be recomputed here: a      *)
(* pre-prepare's digest must equal its (client-signed) request's digest,   *)
(* and a checkpoint's state the state its signer recorded at that seq.     *)
(* The event-to-action table is in README.md.                              *)
(***************************************************************************)
EXTENDS TraceNet

VARIABLES
    signed,     \* every authentic statement so far
    rs,         \* rs[i]: i's last recorded state (durable: kept over a crash)
    prepGot,    \* prepGot[i]: <<view, seq, digest, replica>> of the Prepares i consumed
    comGot,     \* comGot[i]: <<view, seq, digest, replica>> of the Commits i consumed
    cpGot,      \* cpGot[i]: <<seq, state, replica>> of the Checkpoints i consumed
    vcGot,      \* vcGot[i]: <<view, replica>> of the ViewChanges i consumed
    stAt,       \* stAt[i]: seq -> the state i recorded after executing that seq (multiples of K)
    replies,    \* replies[c]: the authentic Replies client c received
    done,       \* done[i]: <<seq, digest>> i recorded committed-local (in any view)
    owed,       \* owed[i]: the sends i's last action owes and has not made yet (OwedItem)
    exd,        \* exd[i]: the digests i executed (durable, as its KV store's sessions)
    reqs        \* <<digest, clientId, seq>> of every authentic ClientRequest

traceVars == <<signed, rs, prepGot, comGot, cpGot, vcGot, stAt, replies, done, owed, exd, reqs>>

----------------------------------------------------------------------------
(* The header *)

Options == Param("options", [x \in {} |-> ""])

\* Option o as a number (d when absent; -1 when unreadable).
Num(o, d) ==
    LET t == Get(Options, o, ToString(d))
    IN IF \E x \in 0 .. 100000 : ToString(x) = t THEN CHOOSE x \in 0 .. 100000 : ToString(x) = t ELSE -1

NS == Cardinality(TraceServers)
TraceF == (NS - 1) \div 3
TraceK == Num("checkpointEvery", 4)
TraceL == Num("window", 2 * TraceK)

\* Constant-level names the .cfg binds (evaluated once, see specs/swim/README.md).
CfgF == TraceF
CfgK == TraceK
CfgL == TraceL

CONSTANTS FF, KK, LL

Quorum == 2 * FF + 1

\* Primary of view v: the server at 0-based index v mod n of the sorted server list.
Primary(v) == CHOOSE j \in TraceServers : Cardinality({x \in TraceServers : x < j}) = v % NS

\* Checked at the end of each trace (CurrentHeader: in a batch, each trace's own header).
HeaderOk ==
    /\ Get(CurrentHeader, "algorithm", "") = "pbft"
    /\ NS = 3 * FF + 1
    /\ KK > 0 /\ LL >= KK
    /\ TraceServers \cap TraceClients = {}

\* P as a value: TLC evaluates an IF's condition as an expression, where it would otherwise
\* branch an action on each disjunction of a guard (one successor per true disjunct).
Bool(P) == IF P THEN TRUE ELSE FALSE

----------------------------------------------------------------------------
(* Statements and authenticity *)

NullDigest == "null"

Signer(s) == IF s.type = "ClientRequest" THEN s.clientId ELSE s.replica

\* A pre-prepare's statements: itself and its request (absent for the null request).
PPStmts(p) == {p} \cup (IF Has(p, "request") THEN {p.request} ELSE {})
CertStmts(c) == PPStmts(c.prePrepare) \cup SeqToSet(c.prepares)
VCStmts(m) == {m} \cup SeqToSet(m.proof) \cup UNION {CertStmts(c) : c \in SeqToSet(m.prepared)}

\* Every statement in body b, embedded ones included.
Stmts(b) ==
    CASE b.type = "PrePrepare" -> PPStmts(b)
      [] b.type = "ViewChange" -> VCStmts(b)
      [] b.type = "NewView"    -> {b} \cup UNION {VCStmts(m) : m \in SeqToSet(b.viewChanges)}
                                      \cup UNION {PPStmts(p) : p \in SeqToSet(b.prePrepares)}
      [] b.type = "StateReply" -> {b} \cup SeqToSet(b.proof)
      [] OTHER                 -> {b}

AllAuthentic(b) == \A s \in Stmts(b) : s \in signed

----------------------------------------------------------------------------
(* Protocol rules on statements *)

\* The digest matches the request (client-signed, so its digest field is the client's), or
\* the null request.
DigestOk(p) ==
    IF Has(p, "request")
    THEN p.request.type = "ClientRequest" /\ p.request.clientId \in TraceClients
         /\ p.digest = p.request.digest
    ELSE p.digest = NullDigest

\* A prepared certificate for a seq above st in a view below v.
CertOk(c, st, v) ==
    LET p == c.prePrepare
        ps == SeqToSet(c.prepares)
    IN /\ p.type = "PrePrepare"
       /\ p.replica = Primary(p.view)
       /\ p.seq > st /\ p.view < v
       /\ DigestOk(p)
       /\ \A q \in ps : q.type = "Prepare" /\ q.view = p.view /\ q.seq = p.seq /\ q.digest = p.digest
                        /\ q.replica # p.replica
       /\ Cardinality({q.replica : q \in ps}) >= 2 * FF

\* A ViewChange's checkpoint proof and certificates check (authenticity is checked apart).
VCOkBody(m) ==
    LET proof == SeqToSet(m.proof)
        certs == SeqToSet(m.prepared)
    IN /\ m.type = "ViewChange"
       /\ IF m.stable = 0 THEN proof = {}
          ELSE /\ \A p \in proof : p.type = "Checkpoint" /\ p.seq = m.stable /\ p.state = m.proof[1].state
               /\ Cardinality({p.replica : p \in proof}) >= Quorum
       /\ \A c \in certs : CertOk(c, m.stable, m.view)
       /\ Cardinality({c.prePrepare.seq : c \in certs}) = Cardinality(certs)

\* Evaluated as a value: TLC would otherwise branch on each disjunction inside.
VCOk(m) == Bool(VCOkBody(m))

\* A checkpoint certificate for (n, d): Quorum Checkpoints for it from distinct replicas (a
\* StateReply's proof; authenticity is checked apart).
CertifiesBody(proof, n, d) ==
    LET ps == SeqToSet(proof)
    IN /\ \A p \in ps : p.type = "Checkpoint" /\ p.seq = n /\ p.state = d /\ p.replica \in TraceServers
       /\ Cardinality({p.replica : p \in ps}) >= Quorum

\* Evaluated as a value: TLC would otherwise branch on each disjunction inside.
Certifies(proof, n, d) == Bool(CertifiesBody(proof, n, d))

SetMax(S) == CHOOSE x \in S : \A y \in S : y <= x

\* The paper's new-view computation from view changes V: per seq in (min-s, max-s] the digest
\* of a certificate of the highest view, else the null request.
NVMinS(V) == SetMax({m.stable : m \in V})
NVCerts(V) == UNION {SeqToSet(m.prepared) : m \in V}
NVMaxS(V) == SetMax({NVMinS(V)} \cup {c.prePrepare.seq : c \in NVCerts(V)})
NVChoices(V, n) ==
    LET cs == {c \in NVCerts(V) : c.prePrepare.seq = n}
    IN IF cs = {} THEN {NullDigest}
       ELSE LET top == SetMax({c.prePrepare.view : c \in cs})
            IN {c.prePrepare.digest : c \in {x \in cs : x.prePrepare.view = top}}

NVOkBody(b) ==
    LET V == SeqToSet(b.viewChanges)
        P == SeqToSet(b.prePrepares)
    IN /\ b.type = "NewView"
       /\ b.replica = Primary(b.view)
       /\ \A m \in V : VCOk(m) /\ m.view = b.view
       /\ Cardinality({m.replica : m \in V}) >= Quorum
       /\ b.replica \in {m.replica : m \in V}
       /\ \A p \in P : p.type = "PrePrepare" /\ p.view = b.view /\ p.replica = b.replica /\ DigestOk(p)
                       /\ p.digest \in NVChoices(V, p.seq)
       /\ {p.seq : p \in P} = NVMinS(V) + 1 .. NVMaxS(V)
       /\ Cardinality(P) = NVMaxS(V) - NVMinS(V)

\* Evaluated as a value: TLC would otherwise branch on each disjunction inside.
NVOk(b) == Bool(NVOkBody(b))

----------------------------------------------------------------------------
(* Recorded states *)

NoEntry == [view |-> -1, digest |-> "", prepared |-> FALSE, committed |-> FALSE]

StartState == [view |-> 0, changing |-> FALSE, h |-> 0, executed |-> 0,
               log |-> [x \in {} |-> NoEntry], state |-> ""]

\* A recorded state's log (JSON object, keys "<seq>"); rs keeps it as a function of seqs (a
\* value TLC can print and read back when a long trace is validated in segments).
Keys(r) == {n \in 1 .. r.h + LL : ToString(n) \in DOMAIN r.log}
LogAt(r, n) == Get(r.log, ToString(n), NoEntry)
Norm(r) == [r EXCEPT !.log = [n \in Keys(r) |-> LogAt(r, n)]]
RLog(r, n) == IF n \in DOMAIN r.log THEN r.log[n] ELSE NoEntry

Honest(i) == i \in TraceServers /\ ~NetByzantine(i)

\* Replica i (after its action, with what it got) prepared / committed-local entry x at seq n.
PreparedEv(i, n, x) ==
    Cardinality({j \in TraceServers \ {Primary(x.view)} :
                   <<x.view, n, x.digest, j>> \in prepGot'[i] \/ j = i}) >= 2 * FF
CommittedEv(i, n, x) ==
    Cardinality({j \in TraceServers : <<x.view, n, x.digest, j>> \in comGot'[i] \/ j = i}) >= Quorum

\* A stable checkpoint at n: Quorum matching Checkpoints, its own included.
StableEv(i, n) ==
    /\ n \in DOMAIN stAt'[i]
    /\ Cardinality({j \in TraceServers : <<n, stAt'[i][n], j>> \in cpGot'[i] \/ j = i}) >= Quorum

\* The recorded state s of honest i's action a is a well-formed state that follows from the
\* previous one by the protocol; entries(n) says which log entries a may (re)write.
StateOkBody(i, a, s, mayWrite(_), mayMoveView, mayMoveH) ==
    LET o == rs[i]
        ks == {k \in DOMAIN s.log : TRUE}
    IN /\ DOMAIN s = {"view", "changing", "h", "executed", "log", "state"}
       /\ s.view >= o.view
       /\ (s.view # o.view \/ s.changing # o.changing) => mayMoveView
       /\ s.h >= o.h
       /\ s.h # o.h => (mayMoveH \/ StableEv(i, s.h))
       /\ \A k \in ks : \E n \in s.h + 1 .. s.h + LL : ToString(n) = k
       /\ \A n \in Keys(s) :
            LET x == LogAt(s, n)
                y == RLog(o, n)
            IN /\ DOMAIN x = {"view", "digest", "prepared", "committed"}
               /\ (x.view # y.view \/ x.digest # y.digest) => mayWrite(n)
               /\ x.prepared => PreparedEv(i, n, x)
               /\ x.committed => x.prepared /\ CommittedEv(i, n, x)

\* Evaluated as a value: TLC would otherwise branch on each disjunction inside.
StateOk(i, a, s, mayWrite(_), mayMoveView, mayMoveH) == Bool(StateOkBody(i, a, s, mayWrite, mayMoveView, mayMoveH))

\* The recorded state after Execute: one more seq, committed-local with the digest its log has
\* (in this view or, re-proposed by a new view, in an earlier one).
ExecuteOkBody(i, s) ==
    LET n == rs[i].executed + 1
    IN /\ s.executed = n
       /\ <<n, RLog(rs[i], n).digest>> \in done[i]

\* Evaluated as a value: TLC would otherwise branch on each disjunction inside.
ExecuteOk(i, s) == Bool(ExecuteOkBody(i, s))

\* Every other action executes nothing (executed and the KV state stay).
NoExecute(i, s) == s.executed = rs[i].executed /\ (rs[i].state = "" \/ s.state = rs[i].state)

----------------------------------------------------------------------------
(* Statements an honest replica signs follow from its recorded state *)

InLog(x, n, v, d) == rs[x].h >= n \/ (RLog(rs[x], n).view = v /\ RLog(rs[x], n).digest = d)

OwnOkBody(x, b) ==
    CASE b.type = "PrePrepare" -> Primary(b.view) = x /\ DigestOk(b) /\ InLog(x, b.seq, b.view, b.digest)
      [] b.type = "Prepare"    -> Primary(b.view) # x /\ InLog(x, b.seq, b.view, b.digest)
      [] b.type = "Commit"     -> rs[x].h >= b.seq \/ (InLog(x, b.seq, b.view, b.digest) /\ RLog(rs[x], b.seq).prepared)
      [] b.type = "Checkpoint" -> b.seq \in DOMAIN stAt[x] /\ stAt[x][b.seq] = b.state
      [] b.type = "Reply"      -> /\ b.view <= rs[x].view /\ b.clientId \in TraceClients
                                  \* x executed that request or a later one of the client (its
                                  \* store answers from the client's session)
                                  /\ \E r \in reqs : r[2] = b.clientId /\ r[3] >= b.seq /\ r[1] \in exd[x]
      [] b.type = "ViewChange" -> b.view <= rs[x].view /\ VCOk(b)
      [] b.type = "NewView"    -> b.view = rs[x].view /\ NVOk(b)
      \* state transfer: asks only for a checkpoint seq above what it executed; answers with a
      \* state it recorded at a checkpoint seq (stAt), certified by the proof
      [] b.type = "StateRequest" -> b.seq > rs[x].executed /\ b.seq % KK = 0
      [] b.type = "StateReply" -> /\ b.seq \in DOMAIN stAt[x] /\ stAt[x][b.seq] = b.state
                                  /\ Certifies(b.proof, b.seq, b.state)
      [] OTHER                 -> FALSE

\* Evaluated as a value: TLC would otherwise branch on each disjunction inside.
OwnOk(x, b) == Bool(OwnOkBody(x, b))

\* A send by x of body b to t.
SendOkBody(x, b, t) ==
    IF x \in TraceClients
    THEN b.type = "ClientRequest" /\ b.clientId = x
    ELSE ~NetByzantine(x) =>
            \* own statements (a NewView's pre-prepares too) are signed by this send
            /\ \A s \in Stmts(b) : Signer(s) = x \/ s \in signed
            /\ IF Signer(b) = x THEN OwnOk(x, b) ELSE b.type = "ClientRequest"

\* Evaluated as a value: TLC would otherwise branch on each disjunction inside.
SendOk(x, b, t) == Bool(SendOkBody(x, b, t))

----------------------------------------------------------------------------
(* Sends an honest replica owes *)

\* An owed send: its type, key fields and destination.  One record shape per type (TLC compares
\* records of different shapes, never values of different kinds under one field name).
VoteItem(t, v, n, d, j) == [type |-> t, view |-> v, seq |-> n, digest |-> d, to |-> j]
CheckpointItem(n, st, j) == [type |-> "Checkpoint", seq |-> n, state |-> st, to |-> j]
ReplyItem(c, q, j) == [type |-> "Reply", clientId |-> c, seq |-> q, to |-> j]
ViewItem(t, v, j) == [type |-> t, view |-> v, to |-> j]

\* The item a send of body b to t settles.
OwedItem(b, t) ==
    CASE b.type \in {"PrePrepare", "Prepare", "Commit"} -> VoteItem(b.type, b.view, b.seq, b.digest, t)
      [] b.type = "Checkpoint"                   -> CheckpointItem(b.seq, b.state, t)
      [] b.type = "Reply"                        -> ReplyItem(b.clientId, b.seq, t)
      [] b.type \in {"ViewChange", "NewView"}    -> ViewItem(b.type, b.view, t)
      [] OTHER                                   -> [type |-> b.type, to |-> t]

\* Item(j) for every replica j but i (sendReplicas).
ToOthers(i, Item(_)) == {Item(j) : j \in TraceServers \ {i}}

\* Item t (PrePrepare, Prepare) of recorded state s's entries at seqs ns, to every other replica.
EntryItems(i, t, s, ns) ==
    UNION {ToOthers(i, LAMBDA j : VoteItem(t, LogAt(s, n).view, n, LogAt(s, n).digest, j)) : n \in ns}

\* Node n owes no send: what its next action, deliver, timer, crash or restart needs (a client
\* never owes one).
Settled(n) == IF n \in TraceServers THEN owed[n] = {} ELSE TRUE

\* The Commits honest i owes after its action (rs' recorded): one per entry prepared now and not
\* before with the same view and digest.
CommitsOwed(i) ==
    LET o == rs[i].log
        x == rs'[i].log
        ns == {n \in DOMAIN x : x[n].prepared /\ ~(n \in DOMAIN o /\ o[n].prepared /\ o[n].view = x[n].view
                                                                    /\ o[n].digest = x[n].digest)}
    IN UNION {ToOthers(i, LAMBDA j : VoteItem("Commit", x[n].view, n, x[n].digest, j)) : n \in ns}

\* The digest honest i's Execute executes (its log's at the next seq), and whether i executes it
\* the first time (its client's Reply is owed then; a re-execution may answer or not).
ExecDigest(i) == RLog(rs[i], rs[i].executed + 1).digest
FirstExecution(i) == ExecDigest(i) # NullDigest /\ ExecDigest(i) \notin exd[i]

\* Execute owes its Checkpoint at a multiple of K, and the Reply of a first execution to the
\* client whose request has the digest.
ExecuteOwes(i, s) ==
    (IF s.executed % KK = 0 THEN ToOthers(i, LAMBDA j : CheckpointItem(s.executed, s.state, j)) ELSE {})
    \cup (IF FirstExecution(i)
          THEN LET r == CHOOSE r \in reqs : r[1] = ExecDigest(i) IN {ReplyItem(r[2], r[3], r[2])}
          ELSE {})

\* Honest i's action (after Record, Settled before it) owes items and its Commits.
Owe(i, items) ==
    LET all == items \cup CommitsOwed(i)
    IN owed' = IF all = {} THEN owed ELSE [owed EXCEPT ![i] = all]

----------------------------------------------------------------------------
(* Runtime events *)

IsSend(e) ==
    /\ IsKind(e, "send")
    /\ NetSend(e)
    /\ e.msg.body.type = e.msg.type
    /\ SendOk(e.node, e.msg.body, e.msg.to)
    /\ signed' = signed \cup {s \in Stmts(e.msg.body) : Signer(s) = e.node}
    /\ owed' = IF e.node \in TraceServers /\ owed[e.node] # {}
               THEN [owed EXCEPT ![e.node] = @ \ {OwedItem(e.msg.body, e.msg.to)}] ELSE owed
    /\ reqs' = LET b == e.msg.body
                   r == <<b.digest, b.clientId, b.seq>>
               IN IF e.node \in TraceClients /\ r \notin reqs THEN reqs \cup {r} ELSE reqs
    /\ UNCHANGED <<rs, prepGot, comGot, cpGot, vcGot, stAt, replies, done, exd>>
    /\ TraceStep

\* Deliveries to servers wait for their handler; a client takes an authentic Reply in.
IsDeliver(e) ==
    /\ IsKind(e, "deliver")
    /\ Settled(e.node)
    /\ IF e.node \in TraceClients
       THEN /\ NetDeliverTo(e, FALSE)
            /\ replies' = IF e.msg.type = "Reply" /\ AllAuthentic(e.msg.body)
                          THEN [replies EXCEPT ![e.node] = @ \cup {e.msg.body}] ELSE replies
       ELSE NetDeliver(e) /\ UNCHANGED replies
    /\ UNCHANGED <<signed, rs, prepGot, comGot, cpGot, vcGot, stAt, done, owed, exd, reqs>>
    /\ TraceStep

\* A replica restarts from its durable state: the recorded one (a Byzantine one: anything).
RestartOkBody(e) ==
    e.node \in TraceServers /\ ~NetByzantine(e.node) =>
        /\ Has(e, "state")
        /\ Get(e.state, "view", -1) = rs[e.node].view
        /\ Get(e.state, "h", -1) = rs[e.node].h
        /\ Get(e.state, "executed", -1) = rs[e.node].executed

\* Evaluated as a value: TLC would otherwise branch on each disjunction inside.
RestartOk(e) == Bool(RestartOkBody(e))

IsNet(e) ==
    /\ Bool(e.kind \in {"timer", "crash", "restart"} => Settled(e.node))
    /\ \/ IsKind(e, "drop") /\ NetDrop(e)
       \/ IsKind(e, "duplicate") /\ NetDuplicate(e)
       \/ IsKind(e, "fault") /\ NetFault(e)
       \/ IsKind(e, "timer") /\ NetTimer(e)
       \/ IsKind(e, "crash") /\ NetCrash(e)
       \/ /\ IsKind(e, "restart")
          /\ NetRestart(e)
          /\ RestartOk(e)
    \* a node the plan makes Byzantine owes nothing from then on
    /\ owed' = IF e.node \in TraceServers /\ e.node \in net'.byz /\ owed[e.node] # {}
               THEN [owed EXCEPT ![e.node] = {}] ELSE owed
    /\ UNCHANGED <<signed, rs, prepGot, comGot, cpGot, vcGot, stAt, replies, done, exd, reqs>>
    /\ TraceStep

----------------------------------------------------------------------------
(* Client *)

\* f+1 matching authentic Replies from distinct replicas for (seq, value).
IsAcceptResult(e) ==
    /\ IsAction(e, "AcceptResult")
    /\ e.node \in TraceClients
    /\ NetAct(e)
    /\ LET c == e.node
           sq == e.state.seq
           matching == {r \in replies[c] : r.clientId = c /\ r.seq = sq
                                           /\ Get(r, "result", "<null>") = Get(e.state, "value", "<null>")}
       IN Cardinality({r.replica : r \in matching}) >= FF + 1
    /\ UNCHANGED traceVars
    /\ TraceStep

----------------------------------------------------------------------------
(* Replica handlers: the action consumes the delivery *)

Consumes(e) == /\ IsKind(e, "action")
               /\ e.node \in TraceServers
               /\ Pending(e.node) # NoMsg
               /\ NetConsume(e.node)

\* Byzantine replica: any action, any state (not checked).
IsByzAction(e) ==
    /\ IsKind(e, "action")
    /\ e.node \in TraceServers
    /\ NetByzantine(e.node)
    /\ IF Pending(e.node) # NoMsg THEN NetConsume(e.node) ELSE NetAct(e)
    /\ UNCHANGED traceVars
    /\ TraceStep

Unchanged(i, s) == Norm(s) = rs[i] \/ (rs[i].state = "" /\ [Norm(s) EXCEPT !.state = ""] = rs[i])

\* Unauthenticated: some statement of the delivery is not authentic; nothing changes.
IsUnauthenticated(e) ==
    /\ Get(e, "action", "") = "Unauthenticated"
    /\ Settled(e.node)
    /\ Consumes(e)
    /\ Honest(e.node)
    /\ ~AllAuthentic(Pending(e.node).body)
    /\ Bool(Unchanged(e.node, e.state))
    /\ UNCHANGED traceVars
    /\ TraceStep

\* Ignore: an authentic delivery that changes nothing.
IsIgnore(e) ==
    /\ Get(e, "action", "") = "Ignore"
    /\ Settled(e.node)
    /\ Consumes(e)
    /\ Honest(e.node)
    /\ AllAuthentic(Pending(e.node).body)
    /\ Bool(Unchanged(e.node, e.state))
    /\ UNCHANGED traceVars
    /\ TraceStep

\* A handler of an authentic delivery: the counters it feeds, then the checks of its state.
Handles(e, a, t) ==
    /\ Get(e, "action", "") = a
    /\ Consumes(e)
    /\ Honest(e.node)
    /\ Pending(e.node).type = t
    /\ AllAuthentic(Pending(e.node).body)
    /\ Has(e, "state")

Got(S, i, x) == [S EXCEPT ![i] = @ \cup {x}]

\* Honest i records state s; its action owes the sends items and its Commits (Owe).
Record(i, s, items) ==
    /\ rs' = [rs EXCEPT ![i] = Norm(s)]
    /\ LET new == {<<n, LogAt(s, n).digest>> : n \in {k \in Keys(s) : LogAt(s, k).committed}} \ done[i]
       IN done' = IF new = {} THEN done ELSE [done EXCEPT ![i] = @ \cup new]
    /\ Owe(i, items)

\* Normal-case guard on the pre-state: in view v, not changing.
InView(i, v) == rs[i].view = v /\ ~rs[i].changing

\* ReceiveRequest: a primary in its view assigns the next seq (at most one new entry, with
\* the request's digest); a backup only remembers it.
IsReceiveRequest(e) ==
    /\ Handles(e, "ReceiveRequest", "ClientRequest")
    /\ Settled(e.node)
    /\ UNCHANGED <<signed, prepGot, comGot, cpGot, vcGot, stAt, replies, exd, reqs>>
    /\ LET i == e.node
           b == Pending(i).body
           s == e.state
           new == {n \in Keys(s) : LogAt(s, n).view # RLog(rs[i], n).view \/ LogAt(s, n).digest # RLog(rs[i], n).digest}
       IN /\ b.clientId \in TraceClients
          /\ NoExecute(i, s)
          /\ StateOk(i, "ReceiveRequest", s, LAMBDA n : /\ Primary(rs[i].view) = i /\ InView(i, rs[i].view)
                                                        /\ LogAt(s, n).view = rs[i].view
                                                        /\ LogAt(s, n).digest = b.digest
                                                        /\ RLog(rs[i], n).view # rs[i].view,
                     FALSE, FALSE)
          /\ Cardinality(new) <= 1
          /\ Record(i, s, EntryItems(i, "PrePrepare", s, new))
    /\ TraceStep

\* HandlePrePrepare: the contract's acceptance rule; the entry at its seq becomes its.
IsHandlePrePrepare(e) ==
    /\ Handles(e, "HandlePrePrepare", "PrePrepare")
    /\ Settled(e.node)
    /\ UNCHANGED <<signed, prepGot, comGot, cpGot, vcGot, stAt, replies, exd, reqs>>
    /\ LET i == e.node
           b == Pending(i).body
           s == e.state
           o == RLog(rs[i], b.seq)
       IN /\ b.replica = Primary(b.view)
          /\ InView(i, b.view)
          /\ rs[i].h < b.seq /\ b.seq <= rs[i].h + LL
          /\ Bool(o.view = b.view => o.digest = b.digest)
          /\ DigestOk(b)
          /\ LogAt(s, b.seq).view = b.view /\ LogAt(s, b.seq).digest = b.digest
          /\ NoExecute(i, s)
          /\ StateOk(i, "HandlePrePrepare", s, LAMBDA n : n = b.seq, FALSE, FALSE)
          /\ Record(i, s, ToOthers(i, LAMBDA j : VoteItem("Prepare", b.view, b.seq, b.digest, j)))
    /\ TraceStep

IsHandlePrepare(e) ==
    /\ Handles(e, "HandlePrepare", "Prepare")
    /\ Settled(e.node)
    /\ UNCHANGED <<signed, comGot, cpGot, vcGot, stAt, replies, exd, reqs>>
    /\ LET i == e.node
           b == Pending(i).body
       IN /\ InView(i, b.view)
          /\ b.replica # Primary(b.view)
          /\ prepGot' = Got(prepGot, i, <<b.view, b.seq, b.digest, b.replica>>)
          /\ NoExecute(i, e.state)
          /\ StateOk(i, "HandlePrepare", e.state, LAMBDA n : FALSE, FALSE, FALSE)
          /\ Record(i, e.state, {})
    /\ TraceStep

IsHandleCommit(e) ==
    /\ Handles(e, "HandleCommit", "Commit")
    /\ Settled(e.node)
    /\ UNCHANGED <<signed, prepGot, cpGot, vcGot, stAt, replies, exd, reqs>>
    /\ LET i == e.node
           b == Pending(i).body
       IN /\ InView(i, b.view)
          /\ comGot' = Got(comGot, i, <<b.view, b.seq, b.digest, b.replica>>)
          /\ NoExecute(i, e.state)
          /\ StateOk(i, "HandleCommit", e.state, LAMBDA n : FALSE, FALSE, FALSE)
          /\ Record(i, e.state, {})
    /\ TraceStep

IsHandleCheckpoint(e) ==
    /\ Handles(e, "HandleCheckpoint", "Checkpoint")
    /\ Settled(e.node)
    /\ UNCHANGED <<signed, prepGot, comGot, vcGot, stAt, replies, exd, reqs>>
    /\ LET i == e.node
           b == Pending(i).body
       IN /\ rs[i].h < b.seq /\ b.seq <= rs[i].h + LL
          /\ cpGot' = Got(cpGot, i, <<b.seq, b.state, b.replica>>)
          /\ NoExecute(i, e.state)
          /\ StateOk(i, "HandleCheckpoint", e.state, LAMBDA n : FALSE, FALSE, FALSE)
          /\ Record(i, e.state, {})
    /\ TraceStep

\* HandleViewChange: for a higher view (or the one it is changing to), proofs checked.  A
\* replica may join a higher view once f+1 replicas asked for it (it changes to it).
IsHandleViewChange(e) ==
    /\ Handles(e, "HandleViewChange", "ViewChange")
    /\ Settled(e.node)
    /\ UNCHANGED <<signed, prepGot, comGot, cpGot, stAt, replies, exd, reqs>>
    /\ LET i == e.node
           b == Pending(i).body
           s == e.state
       IN /\ Bool(b.view > rs[i].view \/ (b.view = rs[i].view /\ rs[i].changing))
          /\ VCOk(b)
          /\ vcGot' = Got(vcGot, i, <<b.view, b.replica>>)
          /\ NoExecute(i, s)
          /\ Bool(s.view # rs[i].view =>
                    /\ s.changing
                    /\ Cardinality({j \in TraceServers : <<s.view, j>> \in vcGot'[i]}) >= FF + 1)
          \* its checkpoint proof may make that checkpoint stable (at the state it proves)
          /\ StateOk(i, "HandleViewChange", s, LAMBDA n : FALSE, TRUE,
                     Bool(s.h = b.stable /\ (s.h \in DOMAIN stAt[i] => stAt[i][s.h] = b.proof[1].state)))
          /\ Record(i, s, {})
    /\ TraceStep

\* HandleNewView: from the view's primary, for a higher view (or the one it changes to), its
\* proofs checked and its pre-prepares recomputed; enters the view, takes them in its window.
IsHandleNewView(e) ==
    /\ Handles(e, "HandleNewView", "NewView")
    /\ Settled(e.node)
    /\ UNCHANGED <<signed, prepGot, comGot, cpGot, vcGot, stAt, replies, exd, reqs>>
    /\ LET i == e.node
           b == Pending(i).body
           s == e.state
           P == SeqToSet(b.prePrepares)
       IN /\ Bool(b.view > rs[i].view \/ (b.view = rs[i].view /\ rs[i].changing))
          /\ NVOk(b)
          /\ s.view = b.view /\ ~s.changing
          /\ NoExecute(i, s)
          /\ StateOk(i, "HandleNewView", s,
                     LAMBDA n : \E p \in P : p.seq = n /\ LogAt(s, n).view = b.view /\ LogAt(s, n).digest = p.digest,
                     TRUE, s.h = NVMinS(SeqToSet(b.viewChanges)))
          /\ Record(i, s, EntryItems(i, "Prepare", s, {n \in Keys(s) : LogAt(s, n).view = b.view}))
    /\ TraceStep

\* HandleStateRequest: a replica with a stable checkpoint at or above the asked seq answers
\* (its StateReply is checked when sent, OwnOk); nothing changes.
IsHandleStateRequest(e) ==
    /\ Handles(e, "HandleStateRequest", "StateRequest")
    /\ Settled(e.node)
    /\ LET i == e.node
           b == Pending(i).body
       IN /\ b.seq <= rs[i].h
          /\ Bool(Unchanged(i, e.state))
    /\ UNCHANGED traceVars
    /\ TraceStep

\* InstallState: a StateReply for a seq n above what i executed, at or above a seq i asked for
\* (its own StateRequest is in signed), whose proof certifies (n, d): i's store becomes that
\* state (executed = h = n, state = d, recorded at n as if executed there), its log keeps only
\* entries above n it already had.  That the snapshot hashes to d is checked by the Java checks
\* (SHA-256 is not recomputed here).
IsInstallState(e) ==
    /\ Handles(e, "InstallState", "StateReply")
    /\ Settled(e.node)
    /\ UNCHANGED <<signed, prepGot, comGot, cpGot, vcGot, replies, reqs>>
    /\ LET i == e.node
           b == Pending(i).body
           s == e.state
       IN /\ b.seq > rs[i].executed
          /\ b.seq % KK = 0
          /\ Certifies(b.proof, b.seq, b.state)
          /\ Bool(\E q \in signed : q.type = "StateRequest" /\ q.replica = i /\ q.seq <= b.seq)
          /\ s.executed = b.seq /\ s.h = b.seq /\ s.state = b.state
          /\ s.view = rs[i].view /\ s.changing = rs[i].changing
          /\ stAt' = [stAt EXCEPT ![i] = @ @@ (b.seq :> b.state)]
          \* the snapshot holds the results of what honest replicas committed up to b.seq: those
          \* requests count as executed by i (their Replies are not owed again)
          /\ exd' = [exd EXCEPT ![i] = @ \cup {p[2] : p \in {q \in UNION {done[j] : j \in {x \in TraceServers : Honest(x)}} :
                                                              q[1] <= b.seq}}]
          /\ StateOk(i, "InstallState", s, LAMBDA n : FALSE, FALSE, TRUE)
          /\ Record(i, s, {})
    /\ TraceStep

----------------------------------------------------------------------------
(* Replica actions that consume nothing *)

Acts(e, a) ==
    /\ IsAction(e, a)
    /\ Honest(e.node)
    /\ NetAct(e)
    /\ Has(e, "state")

\* Execute: the next seq, committed-local; a checkpoint seq remembers the state reached.
IsExecute(e) ==
    /\ Acts(e, "Execute")
    /\ Settled(e.node)
    /\ UNCHANGED <<signed, prepGot, comGot, cpGot, vcGot, replies, reqs>>
    /\ LET i == e.node
           s == e.state
       IN /\ ExecuteOk(i, s)
          /\ Bool(FirstExecution(i) => \E r \in reqs : r[1] = ExecDigest(i))
          /\ exd' = IF FirstExecution(i) THEN [exd EXCEPT ![i] = @ \cup {ExecDigest(i)}] ELSE exd
          /\ stAt' = IF s.executed % KK = 0 THEN [stAt EXCEPT ![i] = @ @@ (s.executed :> s.state)] ELSE stAt
          /\ StateOk(i, "Execute", s, LAMBDA n : FALSE, FALSE, FALSE)
          /\ Record(i, s, ExecuteOwes(i, s))
    /\ TraceStep

\* StartViewChange (request or view-change timer): the next view, changing.
IsStartViewChange(e) ==
    /\ Acts(e, "StartViewChange")
    /\ Settled(e.node)
    /\ UNCHANGED <<signed, prepGot, comGot, cpGot, vcGot, stAt, replies, exd, reqs>>
    /\ LET i == e.node
           s == e.state
       IN /\ s.changing
          /\ Bool(\/ s.view = rs[i].view + 1
                  \/ s.view > rs[i].view /\ Cardinality({j \in TraceServers : <<s.view, j>> \in vcGot[i]}) >= FF + 1)
          /\ NoExecute(i, s)
          /\ StateOk(i, "StartViewChange", s, LAMBDA n : FALSE, TRUE, FALSE)
          /\ Record(i, s, ToOthers(i, LAMBDA j : ViewItem("ViewChange", s.view, j)))
    /\ TraceStep

\* ResendViewChange (view-change timer before 2f+1 asked for the view): the ViewChange again,
\* nothing changes (the resent statement is checked when sent, OwnOk).
IsResendViewChange(e) ==
    /\ Acts(e, "ResendViewChange")
    /\ Settled(e.node)
    /\ UNCHANGED <<signed, prepGot, comGot, cpGot, vcGot, stAt, replies, exd, reqs>>
    /\ LET i == e.node
           s == e.state
       IN /\ rs[i].changing
          /\ Bool(Unchanged(i, s))
          /\ Record(i, s, ToOthers(i, LAMBDA j : ViewItem("ViewChange", rs[i].view, j)))
    /\ TraceStep

\* SendNewView: the primary of the view it changes to, on Quorum ViewChanges (its own
\* included), enters it; the NewView it sends is checked when sent (OwnOk).
IsSendNewView(e) ==
    /\ Acts(e, "SendNewView")
    /\ Settled(e.node)
    /\ UNCHANGED <<signed, prepGot, comGot, cpGot, vcGot, stAt, replies, exd, reqs>>
    /\ LET i == e.node
           s == e.state
       IN /\ rs[i].changing /\ Primary(rs[i].view) = i
          /\ Cardinality({j \in TraceServers : <<rs[i].view, j>> \in vcGot[i] \/ j = i}) >= Quorum
          /\ s.view = rs[i].view /\ ~s.changing
          /\ NoExecute(i, s)
          /\ StateOk(i, "SendNewView", s, LAMBDA n : LogAt(s, n).view = s.view, TRUE, TRUE)
          /\ Record(i, s, ToOthers(i, LAMBDA j : ViewItem("NewView", s.view, j)))
    /\ TraceStep

\* RequestState (state timer, behind a checkpoint certificate): nothing changes; the
\* StateRequest it sends is checked when sent (OwnOk).
IsRequestState(e) ==
    /\ Acts(e, "RequestState")
    /\ Settled(e.node)
    /\ UNCHANGED <<signed, prepGot, comGot, cpGot, vcGot, stAt, replies, exd, reqs>>
    /\ LET i == e.node
       IN /\ Bool(Unchanged(i, e.state))
          /\ Record(i, e.state, {})
    /\ TraceStep

----------------------------------------------------------------------------

\* What TLC fingerprints (VIEW): every step here is deterministic given the trace prefix, so
\* the position and the recorded states tell states apart; signed and the consumed sets only
\* grow and follow from the prefix, net as in TraceSwim.  owed, exd and reqs follow from it too:
\* each IsX sets them from their values before, the event and the recorded states, so all states
\* at one position l agree on them and leaving them out merges no two states.
TraceView == <<l, rs>>

TraceInit ==
    /\ TraceStart /\ NetInit
    /\ signed  = {}
    /\ rs      = [i \in TraceServers |-> StartState]
    /\ prepGot = [i \in TraceServers |-> {}]
    /\ comGot  = [i \in TraceServers |-> {}]
    /\ cpGot   = [i \in TraceServers |-> {}]
    /\ vcGot   = [i \in TraceServers |-> {}]
    /\ stAt    = [i \in TraceServers |-> [n \in {} |-> ""]]
    /\ replies = [c \in TraceClients |-> {}]
    /\ done    = [i \in TraceServers |-> {}]
    /\ owed    = [i \in TraceServers |-> {}]
    /\ exd     = [i \in TraceServers |-> {}]
    /\ reqs    = {}

TraceNext ==
    /\ TraceRemaining
    /\ \/ IsSend(CurrentEvent)
       \/ IsDeliver(CurrentEvent)
       \/ IsNet(CurrentEvent)
       \/ IsAcceptResult(CurrentEvent)
       \/ IsByzAction(CurrentEvent)
       \/ IsUnauthenticated(CurrentEvent)
       \/ IsIgnore(CurrentEvent)
       \/ IsReceiveRequest(CurrentEvent)
       \/ IsHandlePrePrepare(CurrentEvent)
       \/ IsHandlePrepare(CurrentEvent)
       \/ IsHandleCommit(CurrentEvent)
       \/ IsHandleCheckpoint(CurrentEvent)
       \/ IsHandleViewChange(CurrentEvent)
       \/ IsHandleNewView(CurrentEvent)
       \/ IsExecute(CurrentEvent)
       \/ IsStartViewChange(CurrentEvent)
       \/ IsResendViewChange(CurrentEvent)
       \/ IsSendNewView(CurrentEvent)
       \/ IsHandleStateRequest(CurrentEvent)
       \/ IsInstallState(CurrentEvent)
       \/ IsRequestState(CurrentEvent)

\* The end of a trace: no delivery left without its handler, no send owed.
PBFTTraceEnd == NetQuiet /\ HeaderOk /\ \A i \in TraceServers : owed[i] = {}

TraceSpec == TraceInit /\ [][TraceNext]_<<traceVars, net, l>>
=============================================================================
