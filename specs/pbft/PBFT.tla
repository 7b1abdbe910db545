-------------------------------- MODULE PBFT --------------------------------
(***************************************************************************)
(* Practical Byzantine Fault Tolerance (Castro and Liskov, OSDI '99), the  *)
(* version with signatures: normal case (pre-prepare, prepare, commit,     *)
(* execute, reply), checkpoints with garbage collection, and view change   *)
(* with prepared certificates and checkpoint proofs.                       *)
(*                                                                         *)
(* Written for the conform project: action names are those the Java        *)
(* implementation (impl/.../algorithms/pbft) records, message types are    *)
(* its record names; README.md has the event-to-action table.              *)
(*                                                                         *)
(* The network is the set of every statement ever signed (msgs).  A        *)
(* signature makes a statement transferable: whoever holds it may relay    *)
(* it, so a statement is authentic iff it is in msgs, and loss, delay,     *)
(* duplication, reordering and replay need no actions: an honest replica   *)
(* acts on any authentic statement whenever its guards allow.              *)
(*                                                                         *)
(* Byzantine replicas (Byz) have no state.  They may sign anything as      *)
(* themselves, at any time, so their simple statements (pre-prepares for   *)
(* views they lead, prepares, commits, checkpoints, replies, with any      *)
(* digest, request, state or result) are in msgs from the start (ByzInit). *)
(* Their view changes and new views embed other replicas' statements,      *)
(* which they can only relay once those exist: ByzViewChanges and          *)
(* ByzNewViews are every such message built from what msgs holds now      *)
(* (msgs only grows, so a message valid now stays valid; holding it back  *)
(* is the adversary's choice, as is omitting a certificate).               *)
(*                                                                         *)
(* Abstractions: a request's digest is the request itself (Null is the     *)
(* null request's), so a wrong digest is a pre-prepare whose digest and    *)
(* request differ; the replicated KV's state after executing 1..n is the   *)
(* sequence of requests executed, and a request's result is that sequence *)
(* up to the request's first execution (the KV dedups a re-execution).     *)
(* Quorums: Quorum = N - F (2F+1 when N = 3F+1): that is what a replica    *)
(* can wait for, F being silent; with N = 3F it is 2F, and Agreement fails *)
(* (MCPBFTTooFew.cfg).                                                     *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets, TLC

CONSTANTS
    N,          \* replicas 0 .. N-1; primary of view v: v % N
    F,          \* faults tolerated (N = 3F+1 in a correct configuration)
    Byz,        \* the Byzantine replicas (at most F of them in a correct configuration)
    Requests,   \* the client requests (model values; the client that signed one is implicit)
    Forged,     \* a request no client signed (a model value): Byzantine pre-prepares may carry it
    MaxView,    \* views 0 .. MaxView
    MaxSeq,     \* sequence numbers 1 .. MaxSeq
    K,          \* checkpoint every K executed requests
    L,          \* log window above the low-water mark
    Flaw        \* one of Flaws

Flaws == {"None", "Prepared2f", "UncheckedNewView", "ReplyF", "NoDigestCheck"}

ASSUME Flaw \in Flaws
ASSUME Byz \subseteq 0 .. N - 1

Replica == 0 .. N - 1
Honest  == Replica \ Byz
Views   == 0 .. MaxView
Seqs    == 1 .. MaxSeq
Null    == "null"
Digests == Requests \cup {Forged, Null}

Primary(v) == v % N

\* Quorum sizes.  Prepared: a pre-prepare and PrepQuorum prepares from distinct backups;
\* committed-local, stable checkpoint and new view: Quorum statements from distinct replicas;
\* a client accepts on ReplyQuorum matching replies.
Quorum      == N - F
PrepQuorum  == IF Flaw = "Prepared2f" THEN Quorum - 2 ELSE Quorum - 1
ReplyQuorum == IF Flaw = "ReplyF" THEN F ELSE F + 1

VARIABLES
    view,       \* [Honest -> Views]
    changing,   \* [Honest -> BOOLEAN]: view change to view[i] started, no NewView accepted yet
    h,          \* [Honest -> Nat]: stable checkpoint (low-water mark)
    exec,       \* [Honest -> Seq(Digests)]: requests executed, in sequence-number order
    log,        \* [Honest -> [Seqs -> entry or NoEntry]]: the accepted pre-prepare per seq
    msgs        \* every statement signed so far

vars == <<view, changing, h, exec, log, msgs>>

NoEntry == [view |-> -1]
Entry(v, d, r) == [view |-> v, digest |-> d, request |-> r, committed |-> FALSE]

----------------------------------------------------------------------------
(* Statements (fields as the Java records, without sig: msgs holds exactly the authentic ones) *)

RequestMsg(r)          == [type |-> "ClientRequest", request |-> r]
PrePrepareMsg(v, n, d, r, i) ==
    [type |-> "PrePrepare", view |-> v, seq |-> n, digest |-> d, request |-> r, replica |-> i]
PrepareMsg(v, n, d, i) == [type |-> "Prepare", view |-> v, seq |-> n, digest |-> d, replica |-> i]
CommitMsg(v, n, d, i)  == [type |-> "Commit", view |-> v, seq |-> n, digest |-> d, replica |-> i]
ReplyMsg(r, res, i)    == [type |-> "Reply", request |-> r, result |-> res, replica |-> i]
CheckpointMsg(n, s, i) == [type |-> "Checkpoint", seq |-> n, state |-> s, replica |-> i]
\* prepared: a set of certificates <<seq, view, digest>>, each standing for a pre-prepare and
\* PrepQuorum prepares that the receiver checks are authentic (ValidCert).
ViewChangeMsg(v, st, s, P, i) ==
    [type |-> "ViewChange", view |-> v, stable |-> st, state |-> s, prepared |-> P, replica |-> i]
\* prePrepares: [seqs -> digest]; the pre-prepares themselves are also added to msgs.
NewViewMsg(v, V, O, i) ==
    [type |-> "NewView", view |-> v, viewChanges |-> V, prePrepares |-> O, replica |-> i]

Authentic(r) == RequestMsg(r) \in msgs

----------------------------------------------------------------------------
(* Helpers *)

SetMax(S) == CHOOSE x \in S : \A y \in S : y <= x
Range(s) == {s[k] : k \in DOMAIN s}
FirstPos(s, r) == CHOOSE k \in DOMAIN s : s[k] = r /\ \A j \in 1 .. k - 1 : s[j] # r
Prefix(s, n) == SubSeq(s, 1, n)

\* The result of request r after executions e (the KV's answer, stored for a duplicate).
Result(e, r) == Prefix(e, FirstPos(e, r))

\* Every result a Byzantine reply may claim for r: any history ending in r.
ResultsFor(r) == {<<r>>} \cup {<<x, r>> : x \in Digests}

CheckpointSeqs == {n \in Seqs : n % K = 0}

\* Distinct backups of view v that signed Prepare(v, n, d).
PrepareCount(v, n, d) ==
    Cardinality({j \in Replica \ {Primary(v)} : PrepareMsg(v, n, d, j) \in msgs})
CommitCount(v, n, d) == Cardinality({j \in Replica : CommitMsg(v, n, d, j) \in msgs})
CheckpointCount(n, s) == Cardinality({j \in Replica : CheckpointMsg(n, s, j) \in msgs})

\* A prepared certificate for <<n, v, d>> made of authentic statements.
ValidCert(n, v, d) ==
    /\ \E r \in Digests : PrePrepareMsg(v, n, d, r, Primary(v)) \in msgs
    /\ PrepareCount(v, n, d) >= PrepQuorum

\* Replica i prepared <<v, n, d>>: it sent the Commit (it does so on prepared, nothing else).
PreparedAt(i, v, n, d) == CommitMsg(v, n, d, i) \in msgs

\* Committed-local at i: prepared there and Quorum commits exist (whether or not i counted them
\* yet: a stronger premise for Agreement than i's own flag).
CommittedLocal(i, v, n, d) == PreparedAt(i, v, n, d) /\ CommitCount(v, n, d) >= Quorum

\* The certificates a view change of i carries: per seq above its stable checkpoint, the one
\* of the highest view it prepared in.
PreparedSet(i) ==
    {c \in {<<n, v, d>> : n \in Seqs, v \in Views, d \in Digests} :
        /\ c[1] > h[i]
        /\ PreparedAt(i, c[2], c[1], c[3])
        /\ ~\E w \in Views, e \in Digests : w > c[2] /\ PreparedAt(i, w, c[1], e)}

\* Stable checkpoints with an authentic proof (Quorum matching Checkpoint statements).
StableProofs ==
    {<<0, <<>>>>} \cup
    {p \in UNION {{<<n, s>> : s \in [1 .. n -> Digests]} : n \in CheckpointSeqs} :
        CheckpointCount(p[1], p[2]) >= Quorum}

ValidCerts(st, v) ==
    {c \in {<<n, w, d>> : n \in Seqs, w \in Views, d \in Digests} :
        c[1] > st /\ c[2] < v /\ ValidCert(c[1], c[2], c[3])}

\* A view change's proofs check out.
ValidViewChange(m) ==
    /\ <<m.stable, m.state>> \in StableProofs
    /\ \A c \in m.prepared : c[1] > m.stable /\ c[2] < m.view /\ ValidCert(c[1], c[2], c[3])

\* Every view change for v a Byzantine replica can build now: any stable checkpoint it can
\* prove, any subset of the certificates it can assemble (lying by omission).
ByzViewChanges(v) ==
    UNION {{ViewChangeMsg(v, p[1], p[2], P, b) : P \in SUBSET ValidCerts(p[1], v)} :
           b \in Byz, p \in StableProofs}

ViewChanges(v) == {m \in msgs : m.type = "ViewChange" /\ m.view = v} \cup ByzViewChanges(v)

\* The pre-prepares a new view must carry for view changes V (the paper's rule): from min-s,
\* the highest stable checkpoint in V, to max-s, the highest prepared seq in V, per seq the
\* digest of a certificate of the highest view, else the null request.  Several certificates of
\* that view with different digests cannot happen in the correct protocol; here any may be taken.
MinS(V) == SetMax({0} \cup {m.stable : m \in V})
MaxS(V) == SetMax({MinS(V)} \cup {c[1] : c \in UNION {m.prepared : m \in V}})
CertsFor(V, n) == {c \in UNION {m.prepared : m \in V} : c[1] = n}
Choices(V, n) ==
    IF CertsFor(V, n) = {} THEN {Null}
    ELSE LET top == SetMax({c[2] : c \in CertsFor(V, n)})
         IN {c[3] : c \in {x \in CertsFor(V, n) : x[2] = top}}
ValidPrePrepares(V) ==
    {O \in [MinS(V) + 1 .. MaxS(V) -> Digests] : \A n \in DOMAIN O : O[n] \in Choices(V, n)}

\* V: view changes for v from Quorum distinct replicas, the primary's own among them.
QuorumOfViewChanges(V, v) ==
    /\ Cardinality(V) = Quorum
    /\ Cardinality({m.replica : m \in V}) = Quorum
    /\ Primary(v) \in {m.replica : m \in V}

\* Every new view a Byzantine primary can send.  UncheckedNewView: its backups check nothing,
\* so it may send any pre-prepares (with no view changes at all).
ByzNewViews ==
    UNION {IF Flaw = "UncheckedNewView"
           THEN {NewViewMsg(v, {}, O, Primary(v)) : O \in UNION {[S -> Requests \cup {Null}] : S \in SUBSET Seqs}}
           ELSE UNION {{NewViewMsg(v, V, O, Primary(v)) : O \in ValidPrePrepares(V)} :
                       V \in {V \in SUBSET ViewChanges(v) : QuorumOfViewChanges(V, v)}} :
           v \in {w \in 1 .. MaxView : Primary(w) \in Byz}}

----------------------------------------------------------------------------
(* The Byzantine replicas' simple statements: every one they can sign, from the start. *)

ByzStatements(b) ==
    {PrePrepareMsg(v, n, d, r, b) : v \in {w \in Views : Primary(w) = b}, n \in Seqs,
                                   d \in Digests, r \in Digests}
    \cup {PrepareMsg(v, n, d, b) : v \in Views, n \in Seqs, d \in Digests}
    \cup {CommitMsg(v, n, d, b) : v \in Views, n \in Seqs, d \in Digests}
    \cup UNION {{CheckpointMsg(n, s, b) : s \in [1 .. n -> Digests]} : n \in CheckpointSeqs}
    \cup UNION {{ReplyMsg(r, res, b) : res \in ResultsFor(r)} : r \in Requests}

ByzInit == UNION {ByzStatements(b) : b \in Byz}

Init ==
    /\ view     = [i \in Honest |-> 0]
    /\ changing = [i \in Honest |-> FALSE]
    /\ h        = [i \in Honest |-> 0]
    /\ exec     = [i \in Honest |-> <<>>]
    /\ log      = [i \in Honest |-> [n \in Seqs |-> NoEntry]]
    /\ msgs     = ByzInit \cup {RequestMsg(r) : r \in Requests}

----------------------------------------------------------------------------
(* Clients: every request is signed and sent from the start (when matters not for safety;  *)
(* a replica acts on a request only once it arrived, which msgs cannot tell apart).         *)

----------------------------------------------------------------------------
(* Normal case *)

InWindow(i, n) == h[i] < n /\ n <= h[i] + L

Normal(i) == ~changing[i]

\* The primary assigns the next seq of its view to a request it has not assigned nor executed.
ReceiveRequest(i, r) ==
    LET v == view[i]
        n == 1 + SetMax({h[i]} \cup {m \in Seqs : log[i][m].view = v})
    IN /\ Primary(v) = i
       /\ Normal(i)
       /\ Authentic(r)
       /\ r \notin Range(exec[i])
       /\ ~\E m \in Seqs : log[i][m].view = v /\ log[i][m].request = r
       /\ n \in Seqs
       /\ InWindow(i, n)
       /\ log'  = [log EXCEPT ![i][n] = Entry(v, r, r)]
       /\ msgs' = msgs \cup {PrePrepareMsg(v, n, r, r, i)}
       /\ UNCHANGED <<view, changing, h, exec>>

\* The digest matches the request (NoDigestCheck: not checked), and the request is null or
\* authentic.
DigestOK(m) ==
    /\ m.request = Null \/ Authentic(m.request)
    /\ Flaw = "NoDigestCheck" \/ m.digest = m.request

HandlePrePrepare(i, m) ==
    /\ m.type = "PrePrepare"
    /\ m.replica = Primary(m.view)
    /\ m.replica # i
    /\ view[i] = m.view
    /\ Normal(i)
    /\ InWindow(i, m.seq)
    /\ log[i][m.seq].view # m.view
    /\ DigestOK(m)
    /\ log'  = [log EXCEPT ![i][m.seq] = Entry(m.view, m.digest, m.request)]
    /\ msgs' = msgs \cup {PrepareMsg(m.view, m.seq, m.digest, i)}
    /\ UNCHANGED <<view, changing, h, exec>>

\* Prepared: the accepted pre-prepare and PrepQuorum matching prepares from distinct backups
\* (the own included); then Commit.
HandlePrepare(i, n) ==
    LET e == log[i][n]
    IN /\ e.view = view[i]
       /\ Normal(i)
       /\ ~PreparedAt(i, e.view, n, e.digest)
       /\ PrepareCount(e.view, n, e.digest) >= PrepQuorum
       /\ msgs' = msgs \cup {CommitMsg(e.view, n, e.digest, i)}
       /\ UNCHANGED <<view, changing, h, exec, log>>

\* Committed-local: prepared and Quorum matching commits from distinct replicas (own included).
HandleCommit(i, n) ==
    LET e == log[i][n]
    IN /\ e.view = view[i]
       /\ Normal(i)
       /\ PreparedAt(i, e.view, n, e.digest)
       /\ ~e.committed
       /\ CommitCount(e.view, n, e.digest) >= Quorum
       /\ log' = [log EXCEPT ![i][n].committed = TRUE]
       /\ UNCHANGED <<view, changing, h, exec, msgs>>

\* Execute the next seq once committed-local; reply (not for the null request); checkpoint
\* after a multiple of K.
Execute(i) ==
    LET n == Len(exec[i]) + 1
        e == log[i][n]
        x == Append(exec[i], e.request)
    IN /\ n \in Seqs
       /\ e.view >= 0
       /\ e.committed
       /\ exec' = [exec EXCEPT ![i] = x]
       /\ msgs' = msgs \cup (IF e.request = Null THEN {} ELSE {ReplyMsg(e.request, Result(x, e.request), i)})
                       \cup (IF n % K = 0 THEN {CheckpointMsg(n, x, i)} ELSE {})
       /\ UNCHANGED <<view, changing, h, log>>

\* Stable on Quorum matching checkpoints, the own included: garbage-collect the log.
HandleCheckpoint(i, n) ==
    /\ n > h[i]
    /\ n <= Len(exec[i])
    /\ LET s == Prefix(exec[i], n)
       IN /\ CheckpointMsg(n, s, i) \in msgs
          /\ CheckpointCount(n, s) >= Quorum
    /\ h'   = [h EXCEPT ![i] = n]
    /\ log' = [log EXCEPT ![i] = [m \in Seqs |-> IF m <= n THEN NoEntry ELSE log[i][m]]]
    /\ UNCHANGED <<view, changing, exec, msgs>>

----------------------------------------------------------------------------
(* View change *)

\* The request timer (or, while changing, the view-change timer) expires: move to the next
\* view and send a ViewChange with the stable checkpoint and the prepared certificates.
StartViewChange(i) ==
    /\ view[i] < MaxView
    /\ view'     = [view EXCEPT ![i] = @ + 1]
    /\ changing' = [changing EXCEPT ![i] = TRUE]
    /\ msgs'     = msgs \cup {ViewChangeMsg(view[i] + 1, h[i], Prefix(exec[i], h[i]),
                                            PreparedSet(i), i)}
    /\ UNCHANGED <<h, exec, log>>

\* Entering view v with new-view view changes V and pre-prepares O: a replica that executed up
\* to min-s takes it as its stable checkpoint (V proves it); one behind fetches nothing and keeps
\* its own (it cannot execute below min-s in this view).  Then it installs the pre-prepares above.
NewH(i, V) == IF MinS(V) > h[i] /\ Len(exec[i]) >= MinS(V) THEN MinS(V) ELSE h[i]
Install(i, v, V, O) ==
    [n \in Seqs |-> IF n <= NewH(i, V) THEN NoEntry
                   ELSE IF n \in DOMAIN O THEN Entry(v, O[n], O[n]) ELSE log[i][n]]

\* The new primary, on Quorum view changes for its view (its own among them): NewView.
SendNewView(i) ==
    LET v == view[i]
    IN /\ Primary(v) = i
       /\ changing[i]
       /\ \E V \in SUBSET ViewChanges(v) :
            /\ QuorumOfViewChanges(V, v)
            /\ \E vc \in V : vc.replica = i /\ vc \in msgs
            \* a primary behind min-s would assign seqs below it: it waits (fetches nothing)
            /\ Len(exec[i]) >= MinS(V)
            /\ \E O \in ValidPrePrepares(V) :
                 /\ msgs' = msgs \cup {NewViewMsg(v, V, O, i)}
                                 \cup {PrePrepareMsg(v, n, O[n], O[n], i) : n \in DOMAIN O}
                 /\ log' = [log EXCEPT ![i] = Install(i, v, V, O)]
            /\ h' = [h EXCEPT ![i] = NewH(i, V)]
       /\ changing' = [changing EXCEPT ![i] = FALSE]
       /\ UNCHANGED <<view, exec>>

\* A backup checks every view change's proofs and recomputes the pre-prepares
\* (UncheckedNewView: it checks nothing), enters the view and prepares them.
NewViewChecked(m) ==
    /\ QuorumOfViewChanges(m.viewChanges, m.view)
    /\ \A vc \in m.viewChanges : vc.view = m.view /\ (vc \in msgs \/ (vc.replica \in Byz /\ ValidViewChange(vc)))
    /\ m.prePrepares \in ValidPrePrepares(m.viewChanges)

HandleNewView(i, m) ==
    LET v == m.view
        O == m.prePrepares
    IN /\ m.replica = Primary(v)
       /\ m.replica # i
       /\ v > view[i] \/ (v = view[i] /\ changing[i])
       /\ Flaw = "UncheckedNewView" \/ NewViewChecked(m)
       /\ view'     = [view EXCEPT ![i] = v]
       /\ changing' = [changing EXCEPT ![i] = FALSE]
       /\ log'      = [log EXCEPT ![i] = Install(i, v, m.viewChanges, O)]
       /\ h'        = [h EXCEPT ![i] = NewH(i, m.viewChanges)]
       /\ msgs'     = msgs \cup {PrepareMsg(v, n, O[n], i) :
                                    n \in {x \in DOMAIN O : x > NewH(i, m.viewChanges)}}
       /\ UNCHANGED <<exec>>

NewViews == {m \in msgs : m.type = "NewView"} \cup ByzNewViews

----------------------------------------------------------------------------

Next ==
    \/ \E i \in Honest :
        \/ \E r \in Requests : ReceiveRequest(i, r)
        \/ \E m \in msgs : HandlePrePrepare(i, m)
        \/ \E n \in Seqs : HandlePrepare(i, n) \/ HandleCommit(i, n) \/ HandleCheckpoint(i, n)
        \/ Execute(i)
        \/ StartViewChange(i)
        \/ SendNewView(i)
        \/ \E m \in NewViews : HandleNewView(i, m)

Spec == Init /\ [][Next]_vars

----------------------------------------------------------------------------
(* Invariants *)

TypeOK ==
    /\ view \in [Honest -> Views]
    /\ changing \in [Honest -> BOOLEAN]
    /\ \A i \in Honest : h[i] \in {0} \cup CheckpointSeqs /\ Len(exec[i]) <= MaxSeq

\* No two honest replicas commit different digests at one seq, in any views, and no two
\* execute different requests at one seq.
Agreement ==
    /\ \A n \in Seqs :
         Cardinality({d \in Digests : \E i \in Honest, v \in Views : CommittedLocal(i, v, n, d)}) <= 1
    /\ \A i, j \in Honest : \A n \in 1 .. Len(exec[i]) :
         n <= Len(exec[j]) => exec[i][n] = exec[j][n]

\* Every executed non-null request was signed by its client.
Validity == \A i \in Honest : \A r \in Range(exec[i]) : r = Null \/ Authentic(r)

\* A result some client may accept (ReplyQuorum matching authentic replies from distinct
\* replicas) is the result of that request at its position in every honest execution.
Accepted(r, res) == Cardinality({j \in Replica : ReplyMsg(r, res, j) \in msgs}) >= ReplyQuorum

ClientLinearity ==
    \A r \in Requests : \A res \in ResultsFor(r) :
        Accepted(r, res) =>
            \A i \in Honest : r \in Range(exec[i]) => Result(exec[i], r) = res

\* A stable checkpoint has the state every honest replica reached at its seq, and nothing above
\* it was discarded: an honest replica has executed up to it and keeps an entry per executed seq
\* above it.
CheckpointSafety ==
    \A i \in Honest :
        /\ Len(exec[i]) >= h[i]
        /\ \A j \in Honest : Len(exec[j]) >= h[i] => Prefix(exec[j], h[i]) = Prefix(exec[i], h[i])
        /\ \A n \in Seqs : n > h[i] /\ n <= Len(exec[i]) => log[i][n].view >= 0
        /\ \A n \in Seqs : n <= h[i] => log[i][n] = NoEntry
=============================================================================
