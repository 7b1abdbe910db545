------------------------------ MODULE TraceSeq ------------------------------
(***************************************************************************)
(* Sequence comparisons for invariants checked in every state of a long    *)
(* trace, where a value that only grows (a compacted log) would otherwise  *)
(* be compared again in full at every step.                                *)
(*                                                                         *)
(* The definitions below are the meaning; conform-checker replaces them    *)
(* by Java (dev.conform.checker.tla.TraceSeqOperators) that computes the   *)
(* same values and remembers, for the values it has seen (TLC values never *)
(* change), how far two first parts agree: comparing the same two          *)
(* compacted logs again costs nothing, only the parts after them are       *)
(* compared.                                                               *)
(***************************************************************************)
EXTENDS Naturals, Sequences

\* Entry k of the sequence a \o b, without building it (1 <= k <= Len(a) + Len(b)).
ConcatAt(a, b, k) == IF k <= Len(a) THEN a[k] ELSE b[k - Len(a)]

\* The length of the longest common prefix of the sequences a1 \o b1 and a2 \o b2.
ConcatCommonPrefixLen(a1, b1, a2, b2) ==
    LET n    == IF Len(a1) + Len(b1) <= Len(a2) + Len(b2)
                THEN Len(a1) + Len(b1) ELSE Len(a2) + Len(b2)
        diff == {k \in 1 .. n : ConcatAt(a1, b1, k) # ConcatAt(a2, b2, k)}
    IN IF diff = {} THEN n ELSE (CHOOSE k \in diff : \A o \in diff : k <= o) - 1

(***************************************************************************)
(* A sequence that only grows along a trace (a compacted log) is walked in *)
(* full by TLC in every state it fingerprints, even when the VIEW leaves   *)
(* it out.  A trace config substitutes these for a spec's own operators    *)
(* (e.g. Compact <- FrozenConcat): the Java bodies return the same value   *)
(* in a form TLC does not walk again (tlc2.value.impl.FrozenSeqValue).     *)
(* TLC only applies its own function values, so a sequence built by       *)
(* FrozenConcat must be indexed through FrozenAt, never as s[k].           *)
(***************************************************************************)

\* The concatenation s \o t.
FrozenConcat(s, t) == s \o t

\* Entry k of the sequence s.
FrozenAt(s, k) == s[k]

=============================================================================
