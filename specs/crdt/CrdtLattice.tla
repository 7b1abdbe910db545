----------------------------- MODULE CrdtLattice -----------------------------
(***************************************************************************)
(* The values of every CRDT kind the implementation offers, in one shape, *)
(* their join, what a client reads, and the hybrid logical clock's rules. *)
(* Pure operators, no variables: TraceCrdt.tla uses them.                 *)
(*                                                                         *)
(* A value is a record of five components; a kind uses some of them and   *)
(* leaves the others at their bottom, where the join keeps them:          *)
(*   inc  [Node -> Nat]   g-counter counts; pn-counter increments          *)
(*   dec  [Node -> Nat]   pn-counter decrements                            *)
(*   regs [Key -> Reg]    lww-register (the key "register"), lww-map       *)
(*   dots [Elem -> SUBSET (Node \X Nat)]  or-set: live adds per element    *)
(*   ctx  [Node -> Nat]   or-set causal context (adds seen per replica)    *)
(* A register is [v |-> <<>> or <<string>>, ts |-> <<wall, logical, node>>]*)
(* (<<>>: never written).  Timestamps order lexicographically.            *)
(***************************************************************************)
EXTENDS Integers, FiniteSets

Max(a, b) == IF a >= b THEN a ELSE b

\* Pointwise maximum of two functions with the same domain.
MaxF(f, g) == [x \in DOMAIN f |-> Max(f[x], g[x])]

\* f <= g pointwise.
LeqF(f, g) == \A x \in DOMAIN f : f[x] <= g[x]

RECURSIVE SumOver(_, _)
SumOver(f, D) == IF D = {} THEN 0 ELSE LET x == CHOOSE y \in D : TRUE IN f[x] + SumOver(f, D \ {x})

Sum(f) == SumOver(f, DOMAIN f)

----------------------------------------------------------------------------
(* Timestamps <<wall, logical, node>> *)

ZeroTs == <<0, 0, 0>>

TsLess(a, b) ==
    \/ a[1] < b[1]
    \/ a[1] = b[1] /\ a[2] < b[2]
    \/ a[1] = b[1] /\ a[2] = b[2] /\ a[3] < b[3]

\* (wall, logical) of a is at or below that of b: the HLC order, ignoring the node.
HlcLeq(a, b) == a[1] < b[1] \/ (a[1] = b[1] /\ a[2] <= b[2])

EmptyReg == [v |-> <<>>, ts |-> ZeroTs]

\* z is the join of registers x and y: the later timestamp wins; on a tie of timestamps (only
\* one writer at one clock reading, with two values) the implementation orders by value, which
\* TLA+ strings do not: either is accepted, the empty value losing.
RegJoinOk(x, y, z) ==
    IF TsLess(y.ts, x.ts) THEN z = x
    ELSE IF TsLess(x.ts, y.ts) THEN z = y
    ELSE IF x.v = <<>> THEN z = y
    ELSE IF y.v = <<>> THEN z = x
    ELSE z \in {x, y}

----------------------------------------------------------------------------
(* Values *)

Bottom(Node, Key, Elem) ==
    [inc  |-> [n \in Node |-> 0],
     dec  |-> [n \in Node |-> 0],
     regs |-> [k \in Key |-> EmptyReg],
     dots |-> [e \in Elem |-> {}],
     ctx  |-> [n \in Node |-> 0]]

\* A context covers dot d: the replica that made it has reported it.
CtxCovers(ctx, d) == d[2] <= ctx[d[1]]

\* The live adds of element e after joining or-sets a and b (add-wins, observed-remove): a dot
\* survives if both still hold it or the other side has never seen it.
OrJoinDots(a, b, e) ==
    {d \in a.dots[e] : d \in b.dots[e] \/ ~CtxCovers(b.ctx, d)}
    \cup {d \in b.dots[e] : d \in a.dots[e] \/ ~CtxCovers(a.ctx, d)}

\* r is the join (least upper bound) of values a and b.
JoinOk(a, b, r) ==
    /\ r.inc = MaxF(a.inc, b.inc)
    /\ r.dec = MaxF(a.dec, b.dec)
    /\ \A k \in DOMAIN a.regs : RegJoinOk(a.regs[k], b.regs[k], r.regs[k])
    /\ r.dots = [e \in DOMAIN a.dots |-> OrJoinDots(a, b, e)]
    /\ r.ctx = MaxF(a.ctx, b.ctx)

\* What a client reading value a of kind k sees (the implementation's Crdt.read()).
ReadOf(k, a) ==
    CASE k = "g-counter"    -> Sum(a.inc)
      [] k = "pn-counter"   -> Sum(a.inc) - Sum(a.dec)
      [] k = "lww-register" -> a.regs["register"].v
      [] k = "lww-map"      -> LET live == {x \in DOMAIN a.regs : a.regs[x].v # <<>>}
                               IN [x \in live |-> a.regs[x].v[1]]
      [] OTHER              -> {e \in DOMAIN a.dots : a.dots[e] # {}}

\* Every timestamp a value holds (its registers' writes).
StampsOf(a) == {a.regs[k].ts : k \in DOMAIN a.regs}

----------------------------------------------------------------------------
(* Hybrid logical clock (Kulkarni et al.), as HybridLogicalClock.java.    *)
(* The physical reading pt is not in the trace, so each rule is the set   *)
(* of outcomes over every pt.                                              *)

\* c2 is c after a local or send event: (pt, 0) for a pt ahead of c, else (c.wall, c.logical + 1).
HlcTickOk(c, c2) ==
    \/ c2[1] > c[1] /\ c2[2] = 0
    \/ c2[1] = c[1] /\ c2[2] = c[2] + 1

\* c2 is c after receiving a message stamped r.
HlcReceiveOk(c, r, c2) ==
    LET m == Max(c[1], r[1])
    IN \/ c2[1] > m /\ c2[2] = 0
       \/ /\ c2[1] = m
          /\ c2[2] = IF m = c[1] /\ m = r[1] THEN Max(c[2], r[2]) + 1
                     ELSE IF m = c[1] THEN c[2] + 1
                     ELSE r[2] + 1
=============================================================================
