--------------------------- MODULE RaftTraceForms ---------------------------
(***************************************************************************)
(* Validation-only forms of Raft.tla's invariants: equal to them (in every *)
(* state, or wherever LogMatching holds), but cheaper for TLC to evaluate  *)
(* in every state of a long trace.  TraceRaft.cfg substitutes them for the *)
(* originals; the model-checking configs check that each form agrees with *)
(* its original (ByTermFormsAgree, LogMatchingFormsAgree), which is why    *)
(* they live in a module of their own that both MCRaft.tla and             *)
(* TraceRaft.tla extend, and not in Raft.tla, which reads as Raft.         *)
(***************************************************************************)
EXTENDS Raft

----------------------------------------------------------------------------
(* StateMachineSafety and LeaderCompleteness by term.                      *)
(* Under LogMatching, two logs whose entries at index c have the same term *)
(* are equal up to c: LogMatching equates them up to the last index where  *)
(* their terms agree, which is c or later.  So where LogMatching holds,    *)
(* comparing the prefixes up to c is comparing the terms at c.  The model  *)
(* checking configs check ByTermFormsAgree to keep that claim honest.      *)

\* Term of the entry at absolute index k, 1 <= k <= LastIndex(i), compacted or not.
EntryTerm(i, k) == IF k <= snapshotIndex[i] THEN CompactedAt(snapshotData[i], k).term
                   ELSE log[i][k - snapshotIndex[i]].term

\* Logs i and j agree up to index c (given LogMatching).
AgreeUpTo(i, j, c) ==
    c = 0 \/ (c <= LastIndex(i) /\ c <= LastIndex(j) /\ EntryTerm(i, c) = EntryTerm(j, c))

StateMachineSafetyByTerm ==
    \A i, j \in Server : i # j => AgreeUpTo(i, j, Min(commitIndex[i], commitIndex[j]))

LeaderCompletenessByTerm ==
    \A ld \in Server : role[ld] = "Leader" =>
        \A i \in Server : currentTerm[i] <= currentTerm[ld] =>
            /\ commitIndex[i] <= LastIndex(ld)
            /\ AgreeUpTo(ld, i, commitIndex[i])

ByTermFormsAgree ==
    LogMatching => /\ StateMachineSafetyByTerm = StateMachineSafety
                   /\ LeaderCompletenessByTerm = LeaderCompleteness

----------------------------------------------------------------------------
(* LogMatching without building the whole logs.  A log is two sequences,  *)
(* snapshotData[i] \o log[i];                                              *)
(* FullLog concatenates them in every state, which costs the length of     *)
(* the compacted part.  This form reads entry k of the concatenation in    *)
(* place (EntryAt) and states "the prefixes up to k are equal" as "k is at *)
(* most the length of the longest common prefix": for sequences x, y and   *)
(* k <= Len(x), Len(y), SubSeq(x, 1, k) = SubSeq(y, 1, k) exactly when no  *)
(* index 1..k holds different entries, i.e. when k <= CommonPrefixLen.     *)
(* The indexes are the same as LogMatching's, so the two are equal in      *)
(* every state where LogMatching can be evaluated, with no assumption on   *)
(* the state (LogMatchingFormsAgree, checked by the model-checking         *)
(* configs).  TraceRaft.tla uses specs/lib/TraceSeq.tla's                  *)
(* ConcatCommonPrefixLen, the same definition as CommonPrefixLen with a    *)
(* Java body that remembers how far two compacted logs agree.              *)

\* Entry k of the sequence a \o b, without building it (1 <= k <= Len(a) + Len(b)).
EntryAt(a, b, k) == IF k <= Len(a) THEN CompactedAt(a, k) ELSE b[k - Len(a)]

\* The length of the longest common prefix of the sequences a1 \o b1 and a2 \o b2.
CommonPrefixLen(a1, b1, a2, b2) ==
    LET n    == Min(Len(a1) + Len(b1), Len(a2) + Len(b2))
        diff == {k \in 1 .. n : EntryAt(a1, b1, k) # EntryAt(a2, b2, k)}
    IN IF diff = {} THEN n ELSE SetMin(diff) - 1

\* LastAgreement(FullLog(i), FullLog(j), n), reading the entries in place.
RECURSIVE LastTermAgreement(_, _, _)
LastTermAgreement(i, j, n) ==
    IF n = 0 \/ EntryAt(snapshotData[i], log[i], n).term = EntryAt(snapshotData[j], log[j], n).term
    THEN n
    ELSE LastTermAgreement(i, j, n - 1)

LogMatchingByPrefix ==
    \A i, j \in Server : i # j =>
        LastTermAgreement(i, j, Min(LastIndex(i), LastIndex(j)))
            <= CommonPrefixLen(snapshotData[i], log[i], snapshotData[j], log[j])

LogMatchingFormsAgree == LogMatchingByPrefix = LogMatching

=============================================================================
