---------------------------- MODULE FrozenProbe ----------------------------
(* A sequence grown through FrozenConcat (Java: FrozenSeqValue) must be the *)
(* same TLA+ value as one grown with \o, wherever TLC meets it.  Each step  *)
(* grows x either way: with equal fingerprints the two successors are one  *)
(* state, so TLC finds 5 distinct states.                                  *)
EXTENDS Naturals, Sequences, FiniteSets, TraceSeq

VARIABLES x, n

Entry(k) == [term |-> k, value |-> "v"]
Part(m) == <<Entry(m), Entry(m + 1)>>

RECURSIVE Plain(_)
Plain(m) == IF m = 0 THEN <<>> ELSE Plain(m - 1) \o Part(m - 1)

Init == x = <<>> /\ n = 0

Next == /\ n < 4
        /\ n' = n + 1
        /\ \/ x' = FrozenConcat(x, Part(n))
           \/ x' = x \o Part(n)

\* Every way the trace specs read the value, against the plain tuple.
Same ==
    LET p == Plain(n) IN
    /\ x = p
    /\ p = x
    /\ <<x>> = <<p>>
    /\ {x} = {p}
    /\ Cardinality({x, p}) = 1
    /\ [d |-> x] = [d |-> p]
    /\ Len(x) = Len(p)
    /\ x \o <<1>> = p \o <<1>>
    /\ <<0>> \o x = <<0>> \o p
    /\ FrozenConcat(x, <<1>>) = p \o <<1>>
    /\ \A k \in 1 .. Len(p) : FrozenAt(x, k) = p[k]
    /\ \A k \in 1 .. Len(p) : FrozenAt(x, k).term = p[k].term
    /\ \A k \in 0 .. Len(p) : SubSeq(x, 1, k) = SubSeq(p, 1, k)
    /\ x \in Seq([term : 0 .. 9, value : {"v"}])
    /\ Len(p) > 2 => x # Tail(p) /\ Head(x) = Head(p)

=============================================================================
