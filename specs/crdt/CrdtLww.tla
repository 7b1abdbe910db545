------------------------------- MODULE CrdtLww -------------------------------
(***************************************************************************)
(* A last-writer-wins register replicated by gossip, with the timestamp    *)
(* source as a parameter: each replica's own physical clock (which may be  *)
(* skewed arbitrarily against the others) or a hybrid logical clock.       *)
(*                                                                         *)
(* The ghost set writes records, for every write, the write it overwrote   *)
(* at its replica: its causal predecessor. CausalLww says a write always   *)
(* orders after its causal predecessor, so the later write is never lost.  *)
(* With Clock = "physical" TLC finds the textbook counterexample (a slow   *)
(* clock writes after seeing a fast clock's write); with Clock = "hlc" it  *)
(* holds.                                                                  *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    Node,       \* replica ids (naturals: they break timestamp ties)
    Clock,      \* "physical" or "hlc"
    MaxTime,    \* physical clocks run over 0..MaxTime
    MaxWrites   \* client writes per replica

ASSUME Clock \in {"physical", "hlc"}

VARIABLES
    pt,         \* pt[i]: replica i's physical clock reading (independent: skew is arbitrary)
    hlc,        \* hlc[i]: <<wall, logical>>
    reg,        \* reg[i]: [ts |-> <<wall, logical, node>>, id |-> write id or <<>>]
    nwrites,    \* nwrites[i]: writes made at i (write ids are <<i, n>>)
    msgs,       \* gossip in flight: [from, to, reg, clock]
    writes      \* ghost: [id, ts, pred] for every write; pred = ts of the overwritten write

vars == <<pt, hlc, reg, nwrites, msgs, writes>>

NoTs == <<0, 0, 0>>
Empty == [ts |-> NoTs, id |-> <<>>]

\* Lexicographic order on <<wall, logical, node>>.
TsLess(a, b) ==
    \/ a[1] < b[1]
    \/ a[1] = b[1] /\ a[2] < b[2]
    \/ a[1] = b[1] /\ a[2] = b[2] /\ a[3] < b[3]

JoinReg(a, b) == IF TsLess(a.ts, b.ts) THEN b ELSE a
LeqReg(a, b) == a = b \/ TsLess(a.ts, b.ts)

Max(x, y) == IF x >= y THEN x ELSE y

\* HLC rules (Kulkarni et al.): a local/send event, and a receive of remote clock r.
HlcTick(h, p) == IF p > h[1] THEN <<p, 0>> ELSE <<h[1], h[2] + 1>>
HlcRecv(h, r, p) ==
    LET w == Max(Max(h[1], r[1]), p)
    IN <<w, IF w = h[1] /\ w = r[1] THEN Max(h[2], r[2]) + 1
            ELSE IF w = h[1] THEN h[2] + 1
            ELSE IF w = r[1] THEN r[2] + 1
            ELSE 0>>

Init ==
    /\ pt \in [Node -> 0..MaxTime]
    /\ hlc = [i \in Node |-> <<0, 0>>]
    /\ reg = [i \in Node |-> Empty]
    /\ nwrites = [i \in Node |-> 0]
    /\ msgs = {}
    /\ writes = {}

\* Physical clocks only move forward, each at its own pace.
AdvanceClock(i) ==
    /\ pt[i] < MaxTime
    /\ pt' = [pt EXCEPT ![i] = @ + 1]
    /\ UNCHANGED <<hlc, reg, nwrites, msgs, writes>>

\* A client writes at replica i; the write overwrites whatever i holds now.
Put(i) ==
    LET h == HlcTick(hlc[i], pt[i])
        ts == IF Clock = "physical" THEN <<pt[i], 0, i>> ELSE <<h[1], h[2], i>>
        w == [ts |-> ts, id |-> <<i, nwrites[i] + 1>>]
    IN /\ nwrites[i] < MaxWrites
       /\ hlc' = IF Clock = "hlc" THEN [hlc EXCEPT ![i] = h] ELSE hlc
       /\ reg' = [reg EXCEPT ![i] = JoinReg(@, w)]
       /\ nwrites' = [nwrites EXCEPT ![i] = @ + 1]
       /\ writes' = writes \cup {[id |-> w.id, ts |-> ts, pred |-> reg[i].ts]}
       /\ UNCHANGED <<pt, msgs>>

SendGossip(i, j) ==
    LET h == HlcTick(hlc[i], pt[i])
    IN /\ i # j
       /\ hlc' = IF Clock = "hlc" THEN [hlc EXCEPT ![i] = h] ELSE hlc
       /\ msgs' = msgs \cup {[from |-> i, to |-> j, reg |-> reg[i],
                             clock |-> IF Clock = "hlc" THEN h ELSE <<pt[i], 0>>]}
       /\ UNCHANGED <<pt, reg, nwrites, writes>>

ReceiveGossip(m) ==
    LET j == m.to
    IN /\ hlc' = IF Clock = "hlc" THEN [hlc EXCEPT ![j] = HlcRecv(@, m.clock, pt[j])] ELSE hlc
       /\ reg' = [reg EXCEPT ![j] = JoinReg(@, m.reg)]
       /\ \/ msgs' = msgs \ {m}
          \/ UNCHANGED msgs
       /\ UNCHANGED <<pt, nwrites, writes>>

DropGossip(m) ==
    /\ msgs' = msgs \ {m}
    /\ UNCHANGED <<pt, hlc, reg, nwrites, writes>>

Next ==
    \/ \E i \in Node : AdvanceClock(i) \/ Put(i)
    \/ \E i, j \in Node : SendGossip(i, j)
    \/ \E m \in msgs : ReceiveGossip(m) \/ DropGossip(m)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
Monotonic == [][\A i \in Node : LeqReg(reg[i], reg'[i])]_vars

\* Every write orders after the write it causally follows, so it is not silently absorbed.
CausalLww == \A w \in writes : w.pred = NoTs \/ TsLess(w.pred, w.ts)

\* The HLC never runs behind the timestamps its replica holds (what makes CausalLww true).
HlcDominates == Clock = "hlc" => \A i \in Node : ~TsLess(<<hlc[i][1], hlc[i][2], i>>, reg[i].ts)
=============================================================================
