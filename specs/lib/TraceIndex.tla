----------------------------- MODULE TraceIndex -----------------------------
(***************************************************************************)
(* Indexes over a whole trace, for trace specs that need to look ahead     *)
(* (e.g. "is this message delivered again later?") without scanning the    *)
(* trace at every step.  Define them as constants (zero-argument           *)
(* operators of constant level): TLC evaluates those once.                 *)
(*                                                                         *)
(* The definitions below are the meaning; conform-checker replaces them    *)
(* by Java (dev.conform.checker.tla.TraceIndexOperators) that computes the *)
(* same values in O(n log n).  Keys are compared in TLC's value order:     *)
(* keep them of one kind (all records, all integers, ...).                 *)
(***************************************************************************)
EXTENDS Naturals, Sequences

\* For each j, the least k > j with s[k] = s[j], or Len(s) + 1 when none.
NextIndexOf(s) ==
    [j \in 1 .. Len(s) |->
        LET later == {k \in (j + 1) .. Len(s) : s[k] = s[j]}
        IN IF later = {} THEN Len(s) + 1
           ELSE CHOOSE k \in later : \A o \in later : k <= o]

\* The function from each key of the sequence keys to the largest vals[j] with
\* keys[j] = key (vals: a sequence of naturals of the same length).
MaxByKey(keys, vals) ==
    [key \in {keys[j] : j \in 1 .. Len(keys)} |->
        LET at == {vals[j] : j \in {i \in 1 .. Len(keys) : keys[i] = key}}
        IN CHOOSE v \in at : \A o \in at : o <= v]

\* f[x] when x is in the domain of f, else d (the Java body looks x up by
\* binary search: TLC's own f[x] scans the domain of a large function).
GetOr(f, x, d) == IF x \in DOMAIN f THEN f[x] ELSE d

=============================================================================
