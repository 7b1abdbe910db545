--------------------------- MODULE TraceValidation ---------------------------
(***************************************************************************)
(* Helpers for trace specs (see TraceTemplate.tla for how to use them).   *)
(*                                                                         *)
(* A trace spec EXTENDS the algorithm spec and this module.  This module   *)
(* owns the step counter l: the index in TraceLog of the next event to     *)
(* match.  Every step of the trace spec consumes exactly one event         *)
(* (TraceStep), so l = Len(TraceLog) + 1 exactly when the whole trace was  *)
(* matched.                                                                *)
(*                                                                         *)
(* How conformance is decided (TLC 2.18 exits 0, "no error", on a trace    *)
(* that diverges, so "no error" alone is never taken as success): the     *)
(* validator adds a CONSTRAINT that prints (PrintT) an end marker          *)
(*     <<"conform-end", l>>                                                *)
(* in every state with l = Len(TraceLog) + 1, and requires BOTH that       *)
(* marker AND "The depth of the complete state graph search is N" with     *)
(* N = Len(TraceLog) + 1 (every step consumes one event).  A depth k <= Len *)
(* without marker means event k diverges.  Anything else -- a missing or   *)
(* unreadable marker, a depth that disagrees, an error, a timeout -- is a  *)
(* failure.  A match is not an invariant violation, so TLC prints no       *)
(* behaviour (for long traces that output would be huge).                 *)
(*                                                                         *)
(* To run TLC by hand, add to the .cfg                                     *)
(*     CONSTRAINT TraceEndMarker                                           *)
(* and read the line <<"conform-end", N>> together with the depth N as     *)
(* "the trace conforms".  (For a short trace you may instead add           *)
(* INVARIANT TraceNotFinished: its violation shows the whole matched       *)
(* behaviour.)                                                             *)
(***************************************************************************)
EXTENDS Naturals, Sequences, TLC, TraceInput

VARIABLE l

\* The number of events to match.
TraceLen == Len(TraceLog)

\* The event being matched now (only meaningful while l <= TraceLen).
CurrentEvent == TraceLog[l]

\* Index of the current event in the whole file (1-based), also across segments.
EventIndex == TraceOffset + l

\* Start of a trace spec's initial predicate.
TraceStart == l = 1

\* Conjoin to every IsX(e): the step consumes one event.
TraceStep == l' = l + 1

\* Conjoin to TraceNext: no step once every event is consumed.
TraceRemaining == l <= Len(TraceLog)

\* What must also hold when the last event was matched, for the trace to be accepted: TRUE here;
\* a trace spec's .cfg substitutes its own (TraceNet's: TraceEndCondition <- NetQuiet, no
\* delivery left without its handler). The validator's end marker is printed only where it holds.
TraceEndCondition == TRUE

\* CONSTRAINT for runs by hand: prints the end marker once every event is matched
\* (the validator generates the same constraint, with the end state's variables).
TraceEndMarker == l = Len(TraceLog) + 1 /\ TraceEndCondition => PrintT(<<"conform-end", l>>)

\* INVARIANT for short runs by hand: violated exactly when every event was matched.
TraceNotFinished == l <= Len(TraceLog)

\* The state predicate "the whole trace was matched".
TraceAccepted == l = Len(TraceLog) + 1


(***************************************************************************)
(* Mapping helpers.                                                        *)
(***************************************************************************)

\* Field f of record r, or d when the trace left it out (it was null).
Get(r, f, d) == IF f \in DOMAIN r THEN r[f] ELSE d

\* True when the trace recorded field f (it was not null).
Has(r, f) == f \in DOMAIN r

\* JSON objects keyed by node id ({"1": 3, "2": 0}) arrive as records with
\* string fields; ByNode turns one into a function over the node set S.
ByNode(r, S) == [n \in S |-> r[ToString(n)]]

\* The same, for objects that may leave some nodes out (d for those).
ByNodeOr(r, S, d) == [n \in S |-> Get(r, ToString(n), d)]

\* A JSON array (a sequence) as a set, e.g. for message sets.
SeqToSet(s) == {s[i] : i \in DOMAIN s}

\* e is an event of kind k ("send", "deliver", "action", ...).
IsKind(e, k) == e.kind = k

\* e records the spec action named a.
IsAction(e, a) == e.kind = "action" /\ Get(e, "action", "") = a

=============================================================================
