-------------------------------- MODULE Swim --------------------------------
(***************************************************************************)
(* SWIM membership and failure detection (Das, Gupta, Motivala, DSN'02)   *)
(* with suspicion and incarnation numbers (paper section 4.2), join and    *)
(* leave, over a network that loses, duplicates and reorders, with crash   *)
(* and restart.                                                            *)
(*                                                                         *)
(* Every member p keeps a view: for each other member q an entry           *)
(* [status |-> alive|suspect|dead|left, inc |-> i] (status "none": q is    *)
(* not known yet, e.g. a joiner).  An update [member, status, inc]         *)
(* replaces an entry only when it Overrides it.  Each protocol period      *)
(* (timer "probe") p first judges its previous probe (no Ack: Suspect the  *)
(* target), then Probes the next target: Ping{seq}; at the probe timeout   *)
(* without an Ack it asks up to K helpers (PingReq), which ping the       *)
(* target and relay its Ack.  A suspicion that survives SuspectRounds of   *)
(* p's periods becomes Dead (Confirm).  A member that hears itself         *)
(* suspected or dead at its incarnation or above Refutes: inc := i + 1.    *)
(* Every message piggybacks the sender's own entry and a subset of what   *)
(* it knows (Gossip(n)).                                                   *)
(*                                                                         *)
(* Durable: inc.  Volatile: everything else; a restarted member Rejoins   *)
(* at once with inc + 1 and a fresh view (initial members alive at 0; a    *)
(* joiner knows only the seed and joins again).                            *)
(*                                                                         *)
(* Timing abstraction: the suspicion timeout is SuspectRounds of the       *)
(* suspecter's periods (susAge counts them); with Timely a period ends     *)
(* only after the probe's Ping and Ack were delivered or lost (period >=   *)
(* round trip), which is what Accuracy assumes.                            *)
(*                                                                         *)
(* Ghosts, never read by the protocol: declared (every Confirm, with how   *)
(* long the suspicion was held), refuted (every Refute), everDown.         *)
(*                                                                         *)
(* Flaws: "no-suspicion" (a failed probe declares the target dead at       *)
(* once), "refute-same-incarnation" (Refute keeps inc; receivers accept    *)
(* Alive(q, i) over Suspect(q, i)).                                        *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

CONSTANTS
    Member,         \* every member, joiners included
    Initial,        \* the members every initial member knows (the others are joiners)
    Seed,           \* the initial member joiners contact
    Leaver,         \* the member that leaves at round LeaveAt, or None
    LeaveAt,
    K,              \* indirect probers per failed probe
    SuspectRounds,  \* periods a suspicion is held before Confirm
    None,
    Flaw,           \* "none", "no-suspicion" or "refute-same-incarnation"
    \* Bounds and network (model checking; the trace spec lifts the bounds)
    MaxRound,       \* rounds counted (Probe stops there unless Endless)
    Endless,        \* Probe goes on at MaxRound (round stays): liveness models
    MaxInc,         \* no Restart at this incarnation
    MaxSeq,         \* seq numbers cycle through 1 .. MaxSeq
    Lossy,          \* messages may be lost
    Dup,            \* messages may be received more than once
    Timely,         \* a period ends only after its probe was answered or lost
    CrashProne,     \* members that may crash
    RestartProne    \* members that may restart

ASSUME /\ Initial \subseteq Member /\ Seed \in Initial /\ None \notin Member
       /\ Leaver \in Initial \cup {None}
       /\ K \in Nat /\ SuspectRounds \in Nat /\ MaxRound \in Nat /\ MaxInc \in Nat

VARIABLES
    inc,        \* inc[n]: own incarnation (durable)
    up,         \* up[n]: n is running
    fresh,      \* fresh[n]: restarted, Rejoin not taken yet
    joined,     \* joined[n]: n is in the group in this life (initial member, or JoinAck received)
    left,       \* left[n]: n has left (it answers nothing)
    round,      \* round[n]: Probe actions in this life
    seqNo,      \* seqNo[n]: seq of n's latest Ping in this life (0: none)
    view,       \* view[n][q]: [status, inc]
    susAge,     \* susAge[n][q]: periods n has held its suspicion of q (saturates at SuspectRounds)
    probe,      \* probe[n]: the current probe [target, seq, acked, indirect], or NoProbe
    relay,      \* relay[n]: [seq, origin, oseq] for each PingReq being served
    accused,    \* accused[n]: highest inc >= inc[n] at which n heard itself suspect/dead, or -1
    network,    \* messages in flight
    declared,   \* ghost: [member, inc, held] for every Confirm (held -1: no suspicion)
    refuted,    \* ghost: [member, accused, old, new] for every Refute
    everDown    \* ghost: members that crashed at least once

vars == <<inc, up, fresh, joined, left, round, seqNo, view, susAge, probe, relay, accused,
          network, declared, refuted, everDown>>

Statuses == {"alive", "suspect", "dead", "left"}
Unknown == [status |-> "none", inc |-> 0]
Entry(s, i) == [status |-> s, inc |-> i]
Upd(q, e) == [member |-> q, status |-> e.status, inc |-> e.inc]
NoProbe == [target |-> None, seq |-> 0, acked |-> TRUE, indirect |-> TRUE]

Max(a, b) == IF a > b THEN a ELSE b
Min(a, b) == IF a < b THEN a ELSE b

(***************************************************************************)
(* Precedence (paper 4.2, with the contract's amendment 1): u overrides e. *)
(* Alive(i) beats any entry of a lower inc; Suspect(i) beats Suspect of a  *)
(* lower inc and Alive of an inc <= i; Dead(i) beats Alive/Suspect of an   *)
(* inc <= i and Dead/Left of a lower inc; Left(i) beats Alive/Suspect/Dead *)
(* of an inc <= i and Left of a lower inc.  Anything beats an unknown      *)
(* entry; nothing overrides an equal entry.                                *)
(***************************************************************************)
Overrides(u, e) ==
    CASE e.status = "none"    -> TRUE
      [] u.status = "alive"   -> u.inc > e.inc
      [] u.status = "suspect" -> \/ e.status = "suspect" /\ u.inc > e.inc
                                 \/ e.status = "alive" /\ u.inc >= e.inc
      [] u.status = "dead"    -> \/ e.status \in {"alive", "suspect"} /\ u.inc >= e.inc
                                 \/ e.status \in {"dead", "left"} /\ u.inc > e.inc
      [] u.status = "left"    -> \/ e.status \in {"alive", "suspect", "dead"} /\ u.inc >= e.inc
                                 \/ e.status = "left" /\ u.inc > e.inc
      [] OTHER                -> FALSE

\* The receiver's rule: flaw refute-same-incarnation also takes Alive(q, i) over Suspect(q, i).
Accepts(u, e) ==
    \/ Overrides(u, e)
    \/ Flaw = "refute-same-incarnation" /\ u.status = "alive" /\ e.status = "suspect" /\ u.inc = e.inc

----------------------------------------------------------------------------
(* Views *)

InitialView(n) ==
    [q \in Member |-> IF q # n /\ (IF n \in Initial THEN q \in Initial ELSE q = Seed)
                      THEN Entry("alive", 0) ELSE Unknown]

OwnEntry(n) == [member |-> n, status |-> IF left[n] THEN "left" ELSE "alive", inc |-> inc[n]]

\* What member n with view v, incarnation i and left flag lf knows: its own entry and v's entries.
KnowledgeOf(n, v, i, lf) ==
    {[member |-> n, status |-> IF lf THEN "left" ELSE "alive", inc |-> i]}
    \cup {Upd(q, v[q]) : q \in {x \in Member : v[x].status # "none"}}

\* What n may piggyback.
Knowledge(n) == KnowledgeOf(n, view[n], inc[n], left[n])

\* The updates n piggybacks on its next message (the model: all it knows; the trace spec checks
\* the recorded list against Knowledge-like facts instead).
Gossip(n) == Knowledge(n)

\* View of n after applying updates ups (at most one per member): each one it accepts replaces
\* the entry; updates about n itself change no entry.
Applied(n, ups) ==
    [q \in Member |->
        IF q # n /\ \E u \in ups : u.member = q /\ Accepts(u, view[n][q])
        THEN LET u == CHOOSE u \in ups : u.member = q /\ Accepts(u, view[n][q])
             IN Entry(u.status, u.inc)
        ELSE view[n][q]]

\* A suspicion's age restarts when the entry changes.
AgesAfter(n, v) == [q \in Member |-> IF v[q] = view[n][q] THEN susAge[n][q] ELSE 0]

\* The highest accusation of n in ups (Suspect or Dead of itself at inc >= its own), or accused.
AccusedAfter(n, ups) ==
    LET is == {u.inc : u \in {x \in ups : x.member = n /\ x.status \in {"suspect", "dead"} /\ x.inc >= inc[n]}}
    IN IF is = {} THEN accused[n] ELSE Max(accused[n], CHOOSE i \in is : \A j \in is : j <= i)

\* n applies ups: view, ages, accusation.
Apply(n, ups) ==
    LET v == Applied(n, ups)
    IN /\ view' = [view EXCEPT ![n] = v]
       /\ susAge' = [susAge EXCEPT ![n] = AgesAfter(n, v)]
       /\ accused' = [accused EXCEPT ![n] = AccusedAfter(n, ups)]

\* Members n may probe (round-robin in the implementation): known, not left, dead ones too.
Probeable(n) == {q \in Member \ {n} : view[n][q].status \notin {"none", "left"}}

\* Members n may ask to probe indirectly.
Helpers(n, t) == {q \in Member \ {n, t} : view[n][q].status \in {"alive", "suspect"}}

\* The j-th seq after s (seqs cycle through 1 .. MaxSeq in a model; the trace spec lifts MaxSeq).
SeqPlus(s, j) == ((s + j - 1) % MaxSeq) + 1
SeqAfter(s) == SeqPlus(s, 1)

\* The subsets of S with at most k members.
RECURSIVE UpTo(_, _)
UpTo(S, k) == IF k = 0 THEN {{}} ELSE {{}} \cup {X \cup {x} : X \in UpTo(S, k - 1), x \in S}

\* What a send puts in flight: a message to a member that is down is lost at once (the trace
\* spec puts every message in the outbox).
Sent(ms) == {m \in ms : up[m.to]}

----------------------------------------------------------------------------
(* Messages *)

PingMsg(from, to, s) == [type |-> "Ping", from |-> from, to |-> to, seq |-> s, ups |-> Gossip(from)]
PingReqMsg(from, to, s, t) == [type |-> "PingReq", from |-> from, to |-> to, seq |-> s, target |-> t,
                               ups |-> Gossip(from)]
AckMsg(from, to, s) == [type |-> "Ack", from |-> from, to |-> to, seq |-> s, ups |-> Gossip(from)]
JoinMsg(from, to) == [type |-> "Join", from |-> from, to |-> to, inc |-> inc[from]]
JoinAckMsg(from, to, ms) == [type |-> "JoinAck", from |-> from, to |-> to, members |-> ms]

----------------------------------------------------------------------------

Init ==
    /\ inc = [n \in Member |-> 0]
    /\ up = [n \in Member |-> TRUE]
    /\ fresh = [n \in Member |-> FALSE]
    /\ joined = [n \in Member |-> n \in Initial]
    /\ left = [n \in Member |-> FALSE]
    /\ round = [n \in Member |-> 0]
    /\ seqNo = [n \in Member |-> 0]
    /\ view = [n \in Member |-> InitialView(n)]
    /\ susAge = [n \in Member |-> [q \in Member |-> 0]]
    /\ probe = [n \in Member |-> NoProbe]
    /\ relay = [n \in Member |-> {}]
    /\ accused = [n \in Member |-> -1]
    /\ network = {}
    /\ declared = {}
    /\ refuted = {}
    /\ everDown = {}

\* n runs the protocol: up, rejoined after a restart, not left, no refutation owed.
Active(n) == up[n] /\ ~fresh[n] /\ ~left[n] /\ accused[n] < inc[n]

\* The previous probe failed: no Ack, its target still alive in the view.
Failed(n) ==
    /\ probe[n] # NoProbe
    /\ ~probe[n].acked
    /\ view[n][probe[n].target].status = "alive"

\* Timely: the probe's Ping and Ack are no longer in flight (answered or lost).
PeriodOver(n) ==
    \/ ~Timely
    \/ ~\E m \in network : /\ m.type \in {"Ping", "Ack"}
                          /\ m.seq = probe[n].seq
                          /\ \/ m.from = n /\ m.to = probe[n].target
                             \/ m.to = n /\ m.from = probe[n].target

\* Timer probe, the verdict: the target becomes suspect at its known inc.
Suspect(n) ==
    LET t == probe[n].target
    IN /\ Active(n) /\ joined[n]
       /\ Failed(n)
       /\ PeriodOver(n)
       /\ Flaw # "no-suspicion"
       /\ view' = [view EXCEPT ![n][t] = Entry("suspect", @.inc)]
       /\ susAge' = [susAge EXCEPT ![n][t] = 0]
       /\ probe' = [probe EXCEPT ![n] = NoProbe]
       /\ UNCHANGED <<inc, up, fresh, joined, left, round, seqNo, relay, accused, network,
                      declared, refuted, everDown>>

\* Flaw no-suspicion: the verdict declares the target dead at once.
ConfirmAtOnce(n) ==
    LET t == probe[n].target
    IN /\ Active(n) /\ joined[n]
       /\ Failed(n)
       /\ PeriodOver(n)
       /\ Flaw = "no-suspicion"
       /\ view' = [view EXCEPT ![n][t] = Entry("dead", @.inc)]
       /\ probe' = [probe EXCEPT ![n] = NoProbe]
       /\ declared' = declared \cup {[member |-> t, inc |-> view[n][t].inc, held |-> -1]}
       /\ UNCHANGED <<inc, up, fresh, joined, left, round, seqNo, susAge, relay, accused, network,
                      refuted, everDown>>

\* Every suspicion n holds is one period older.
AgedSuspicions(n) ==
    [susAge EXCEPT ![n] = [q \in Member |-> IF view[n][q].status = "suspect"
                                            THEN Min(@[q] + 1, SuspectRounds) ELSE @[q]]]

\* Timer probe at a joined member: the next period, and a Ping to target t (None: nobody to probe).
Probe(n, t) ==
    LET s == SeqAfter(seqNo[n])
    IN /\ Active(n) /\ joined[n]
       /\ ~Failed(n)
       /\ n = Leaver => round[n] # LeaveAt
       /\ round[n] < MaxRound \/ Endless
       /\ IF Probeable(n) = {} THEN t = None ELSE t \in Probeable(n)
       /\ round' = [round EXCEPT ![n] = Min(@ + 1, MaxRound)]
       /\ susAge' = AgedSuspicions(n)
       /\ IF t = None
          THEN UNCHANGED <<seqNo, network>> /\ probe' = [probe EXCEPT ![n] = NoProbe]
          ELSE /\ seqNo' = [seqNo EXCEPT ![n] = s]
               /\ probe' = [probe EXCEPT ![n] = [target |-> t, seq |-> s, acked |-> FALSE, indirect |-> FALSE]]
               /\ network' = network \cup Sent({PingMsg(n, t, s)})
       /\ UNCHANGED <<inc, up, fresh, joined, left, view, relay, accused, declared, refuted, everDown>>

\* Timer probe-timeout without an Ack: PingReq{seq, target} to the helpers H (at most K).
IndirectProbe(n, H) ==
    /\ Active(n) /\ joined[n]
    /\ probe[n] # NoProbe /\ ~probe[n].acked /\ ~probe[n].indirect
    /\ H \subseteq Helpers(n, probe[n].target)
    /\ Cardinality(H) <= K
    /\ probe' = [probe EXCEPT ![n].indirect = TRUE]
    /\ network' = network \cup Sent({PingReqMsg(n, h, probe[n].seq, probe[n].target) : h \in H})
    /\ UNCHANGED <<inc, up, fresh, joined, left, round, seqNo, view, susAge, relay, accused,
                   declared, refuted, everDown>>

\* Timer suspect-<q>: a suspicion held SuspectRounds periods becomes Dead at the same inc.
Confirm(n, q) ==
    /\ Active(n)
    /\ view[n][q].status = "suspect"
    /\ susAge[n][q] >= SuspectRounds
    /\ view' = [view EXCEPT ![n][q] = Entry("dead", @.inc)]
    /\ declared' = declared \cup {[member |-> q, inc |-> view[n][q].inc, held |-> susAge[n][q]]}
    /\ UNCHANGED <<inc, up, fresh, joined, left, round, seqNo, susAge, probe, relay, accused, network,
                   refuted, everDown>>

\* n heard itself suspect or dead at accused[n] >= inc: inc := accused + 1 (flaw: inc stays).
Refute(n) ==
    LET new == IF Flaw = "refute-same-incarnation" THEN inc[n] ELSE accused[n] + 1
    IN /\ up[n] /\ ~fresh[n] /\ ~left[n]
       /\ accused[n] >= inc[n]
       /\ inc' = [inc EXCEPT ![n] = new]
       /\ accused' = [accused EXCEPT ![n] = -1]
       /\ refuted' = refuted \cup {[member |-> n, accused |-> accused[n], old |-> inc[n], new |-> new]}
       /\ UNCHANGED <<up, fresh, joined, left, round, seqNo, view, susAge, probe, relay, network,
                      declared, everDown>>

\* Timer probe at a joiner not in the group yet: Join{inc} to the seed.
Join(n) ==
    /\ Active(n)
    /\ ~joined[n]
    /\ network' = network \cup Sent({JoinMsg(n, Seed)})
    /\ susAge' = AgedSuspicions(n)
    /\ UNCHANGED <<inc, up, fresh, joined, left, round, seqNo, view, probe, relay, accused,
                   declared, refuted, everDown>>

\* Timer probe at the leaver at round LeaveAt: Left(self, inc) on a Ping to each member of H, which
\* take the next seqs in some order (slot[h]).
Leave(n, H) ==
    LET own == [member |-> n, status |-> "left", inc |-> inc[n]]
    IN /\ Active(n) /\ joined[n]
       /\ ~Failed(n)
       /\ n = Leaver /\ round[n] = LeaveAt
       /\ H \subseteq Probeable(n)
       /\ Cardinality(H) <= K
       /\ left' = [left EXCEPT ![n] = TRUE]
       /\ seqNo' = [seqNo EXCEPT ![n] = SeqPlus(@, Cardinality(H))]
       /\ \E slot \in [H -> 1 .. Cardinality(H)] :
             /\ \A a, b \in H : a # b => slot[a] # slot[b]
             /\ network' = network \cup Sent({[type |-> "Ping", from |-> n, to |-> h, seq |-> SeqPlus(seqNo[n], slot[h]),
                                               ups |-> {own} \cup (Knowledge(n) \ {OwnEntry(n)})] : h \in H})
       /\ UNCHANGED <<inc, up, fresh, joined, round, view, susAge, probe, relay, accused,
                      declared, refuted, everDown>>

----------------------------------------------------------------------------
(* Handlers.  base: the network after the receipt (the message taken out, *)
(* or left in flight as a duplicate).                                      *)

HandlePing(n, m, base) ==
    /\ Apply(n, m.ups)
    /\ network' = base \cup Sent({AckMsg(n, m.from, m.seq)})
    /\ UNCHANGED <<inc, up, fresh, joined, left, round, seqNo, probe, relay, declared, refuted, everDown>>

HandlePingReq(n, m, base) ==
    LET s == SeqAfter(seqNo[n])
    IN /\ Apply(n, m.ups)
       /\ seqNo' = [seqNo EXCEPT ![n] = s]
       /\ relay' = [relay EXCEPT ![n] = {r \in @ : r.seq # s} \cup {[seq |-> s, origin |-> m.from, oseq |-> m.seq]}]
       /\ network' = base \cup Sent({PingMsg(n, m.target, s)})
       /\ UNCHANGED <<inc, up, fresh, joined, left, round, probe, declared, refuted, everDown>>

\* An Ack answers n's probe, or a ping n sent for a PingReq: relayed to its origin, once, unless the
\* helper has forgotten the relay (an implementation keeps only the most recent ones).
HandleAck(n, m, base) ==
    LET rs == {r \in relay[n] : r.seq = m.seq}
    IN /\ Apply(n, m.ups)
       /\ probe' = IF probe[n] # NoProbe /\ probe[n].seq = m.seq
                   THEN [probe EXCEPT ![n].acked = TRUE] ELSE probe
       /\ relay' = [relay EXCEPT ![n] = @ \ rs]
       /\ \E relayed \in {rs, {}} : network' = base \cup Sent({AckMsg(n, r.origin, r.oseq) : r \in relayed})
       /\ UNCHANGED <<inc, up, fresh, joined, left, round, seqNo, declared, refuted, everDown>>

\* The joiner's Alive at the inc it announced, then JoinAck with every entry the view holds.
HandleJoin(n, m, base) ==
    LET e == view[n][m.from]
        v == IF Overrides(Entry("alive", m.inc), e) /\ m.from # n
             THEN [view[n] EXCEPT ![m.from] = Entry("alive", m.inc)] ELSE view[n]
    IN /\ view' = [view EXCEPT ![n] = v]
       /\ susAge' = [susAge EXCEPT ![n] = AgesAfter(n, v)]
       /\ network' = base \cup Sent({JoinAckMsg(n, m.from, {OwnEntry(n)} \cup
                                  {Upd(q, v[q]) : q \in {x \in Member : v[x].status # "none"}})})
       /\ UNCHANGED <<inc, up, fresh, joined, left, round, seqNo, probe, relay, accused,
                      declared, refuted, everDown>>

HandleJoinAck(n, m, base) ==
    /\ Apply(n, m.members)
    /\ joined' = [joined EXCEPT ![n] = TRUE]
    /\ network' = base
    /\ UNCHANGED <<inc, up, fresh, left, round, seqNo, probe, relay, declared, refuted, everDown>>

\* A member that has left consumes what it receives and does nothing.
Discard(n, m, base) ==
    /\ network' = base
    /\ UNCHANGED <<inc, up, fresh, joined, left, round, seqNo, view, susAge, probe, relay, accused,
                   declared, refuted, everDown>>

Handle(n, m, base) ==
    /\ up[n] /\ ~fresh[n] /\ accused[n] < inc[n]
    /\ m.to = n
    /\ IF left[n] THEN Discard(n, m, base)
       ELSE CASE m.type = "Ping"    -> HandlePing(n, m, base)
              [] m.type = "PingReq" -> HandlePingReq(n, m, base)
              [] m.type = "Ack"     -> HandleAck(n, m, base)
              [] m.type = "Join"    -> HandleJoin(n, m, base)
              [] m.type = "JoinAck" -> HandleJoinAck(n, m, base)

Receive(m) ==
    \E base \in IF Dup THEN {network \ {m}, network} ELSE {network \ {m}} : Handle(m.to, m, base)

Drop(m) ==
    /\ Lossy
    /\ network' = network \ {m}
    /\ UNCHANGED <<inc, up, fresh, joined, left, round, seqNo, view, susAge, probe, relay, accused,
                   declared, refuted, everDown>>

\* A crash loses the volatile state and every message in flight to n.
Crash(n) ==
    /\ n \in CrashProne
    /\ up[n] /\ accused[n] < inc[n] /\ ~fresh[n]
    /\ up' = [up EXCEPT ![n] = FALSE]
    /\ joined' = [joined EXCEPT ![n] = FALSE]
    /\ left' = [left EXCEPT ![n] = FALSE]
    /\ round' = [round EXCEPT ![n] = 0]
    /\ seqNo' = [seqNo EXCEPT ![n] = 0]
    /\ view' = [view EXCEPT ![n] = [q \in Member |-> Unknown]]
    /\ susAge' = [susAge EXCEPT ![n] = [q \in Member |-> 0]]
    /\ probe' = [probe EXCEPT ![n] = NoProbe]
    /\ relay' = [relay EXCEPT ![n] = {}]
    /\ accused' = [accused EXCEPT ![n] = -1]
    /\ network' = {m \in network : m.to # n}
    /\ everDown' = everDown \cup {n}
    /\ UNCHANGED <<inc, fresh, declared, refuted>>

Restart(n) ==
    /\ n \in RestartProne
    /\ ~up[n]
    /\ inc[n] < MaxInc
    /\ up' = [up EXCEPT ![n] = TRUE]
    /\ fresh' = [fresh EXCEPT ![n] = TRUE]
    /\ UNCHANGED <<inc, joined, left, round, seqNo, view, susAge, probe, relay, accused, network,
                   declared, refuted, everDown>>

\* At once after a restart: inc + 1 (persisted), the initial view.
Rejoin(n) ==
    /\ up[n] /\ fresh[n]
    /\ inc' = [inc EXCEPT ![n] = @ + 1]
    /\ fresh' = [fresh EXCEPT ![n] = FALSE]
    /\ joined' = [joined EXCEPT ![n] = n \in Initial]
    /\ view' = [view EXCEPT ![n] = InitialView(n)]
    /\ UNCHANGED <<up, left, round, seqNo, susAge, probe, relay, accused, network, declared, refuted, everDown>>

Next ==
    \/ \E n \in Member :
          \/ Suspect(n) \/ ConfirmAtOnce(n)
          \/ \E t \in Member \cup {None} : Probe(n, t)
          \/ \E H \in UpTo(Member, K) : IndirectProbe(n, H) \/ Leave(n, H)
          \/ \E q \in Member : Confirm(n, q)
          \/ Refute(n) \/ Join(n)
          \/ Crash(n) \/ Restart(n) \/ Rejoin(n)
    \/ \E m \in network : Receive(m) \/ Drop(m)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Safety (same names as the Java invariants) *)

Updates == [member : Member, status : Statuses, inc : Nat]

TypeOK ==
    /\ inc \in [Member -> Nat]
    /\ up \in [Member -> BOOLEAN] /\ fresh \in [Member -> BOOLEAN]
    /\ joined \in [Member -> BOOLEAN] /\ left \in [Member -> BOOLEAN]
    /\ round \in [Member -> Nat] /\ seqNo \in [Member -> Nat]
    /\ \A n, q \in Member : view[n][q].status \in Statuses \cup {"none"} /\ view[n][q].inc \in Nat
    /\ \A n \in Member : view[n][n] = Unknown
    /\ \A n \in Member : accused[n] \in {-1} \cup Nat

\* Every entry with its inc, as facts: what views and messages say about members.
Said ==
    UNION {{Upd(q, view[n][q]) : q \in {x \in Member : view[n][x].status # "none"}} : n \in Member}
    \cup UNION {IF m.type \in {"Ping", "PingReq", "Ack"} THEN m.ups
                ELSE IF m.type = "JoinAck" THEN m.members ELSE {} : m \in network}

\* Nobody is more than its own incarnation: every fact about q has inc <= inc[q].
IncarnationMonotonic == \A u \in Said : u.inc <= inc[u.member]

\* Every Dead in the system comes from a Confirm of a suspicion held SuspectRounds periods.
SuspectBeforeDead ==
    /\ \A d \in declared : d.held >= SuspectRounds
    /\ \A u \in Said : u.status = "dead" => \E d \in declared : d.member = u.member /\ d.inc = u.inc

\* Every Refute raises inc strictly above the accusation it answers. (That no Alive(q, i) replaces
\* Suspect(q, i) or Dead(q, i) is ViewPrecedence's: such a change is no override.)
RefuteWithHigherIncarnation ==
    \A r \in refuted : r.new > r.accused /\ r.new > r.old

\* Every Left in the system was said by its member.
LeftOnlyFromMember ==
    \A u \in Said : u.status = "left" => u.member = Leaver

\* Accuracy (Timely, no loss): a member that never crashed and never left is never declared dead.
Accuracy ==
    \A n, q \in Member : (q \notin everDown /\ ~left[q]) => view[n][q].status # "dead"

(* Action properties *)

\* Own inc never decreases; an entry's inc decreases only when its observer restarts.
IncarnationMonotonicStep ==
    [][\A n \in Member : /\ inc'[n] >= inc[n]
                         /\ (up[n] /\ up'[n] /\ ~(fresh[n] /\ ~fresh'[n])) =>
                               \A q \in Member : view'[n][q].inc >= view[n][q].inc]_vars

\* Every view change of a running member (not its Rejoin) is an override.
ViewPrecedence ==
    [][\A n \in Member : (up[n] /\ up'[n] /\ ~(fresh[n] /\ ~fresh'[n])) =>
          \A q \in Member : view'[n][q] # view[n][q] => Overrides(view'[n][q], view[n][q])]_vars

-----------------------------------------------------------------------------
(* Liveness.  Members outside CrashProne never crash; the crash-prone ones *)
(* crash for good (RestartProne = {} in the liveness models).  A running   *)
(* member's timers fire (weak fairness), and it probes every member it may *)
(* probe again and again (strong fairness per target: the round-robin).    *)

Fairness ==
    \A n \in Member \ CrashProne :
        /\ \A ty \in {"Ping", "PingReq", "Ack", "Join", "JoinAck"} :
              WF_vars(\E m \in network : m.to = n /\ m.type = ty /\ Receive(m))
        /\ WF_vars(Suspect(n))
        /\ WF_vars(\E q \in Member : Confirm(n, q))
        /\ WF_vars(Refute(n))
        /\ WF_vars(Join(n))
        /\ \A t \in Member : SF_vars(Probe(n, t))

LiveSpec == Spec /\ Fairness

\* Every member that is down for good is eventually dead (or left) in every live member's view.
Completeness ==
    \A q \in CrashProne : \A n \in Member \ CrashProne :
        (~up[q]) ~> (up[q] \/ view[n][q].status \in {"dead", "left"})
=============================================================================
