----------------------------- MODULE TraceInput -----------------------------
(***************************************************************************)
(* The trace being validated, as TLA+ values.                              *)
(*                                                                         *)
(* The bodies below are placeholders that stop TLC with a clear message.   *)
(* The real values come from Java operator overrides in conform-checker    *)
(* (dev.conform.checker.tla.TraceInputOperators, listed by the single      *)
(* index class tlc2.overrides.TLCOverrides), which read the NDJSON file    *)
(* named by the JVM system property conform.trace with Jackson.  So TLC    *)
(* must run with conform-checker, conform-tracing and Jackson on its       *)
(* classpath; `conform validate` does that for you.                        *)
(*                                                                         *)
(* Value mapping: each event line is one record; JSON objects -> records   *)
(* (field names = keys), arrays -> sequences, strings, booleans, integers  *)
(* (32-bit: larger numbers stop TLC with file:line:col).  Null or absent   *)
(* fields are left out of the record: test presence with "f" \in DOMAIN e. *)
(*                                                                         *)
(* Segments: for traces longer than TLC's 32,767-step behaviour the        *)
(* validator passes -Dconform.trace.from=i and -Dconform.trace.to=j;       *)
(* TraceLog is then events i..j only, TraceOffset = i - 1 and TraceAhead   *)
(* events i..end.                                                          *)
(***************************************************************************)
EXTENDS TLC

\* <<e1, e2, ...>>: the events of the trace (or of the current segment), header excluded.
TraceLog == Assert(FALSE, "TraceLog: the conform Java override is not loaded (TLC classpath lacks conform-checker)")

\* The header line: [type |-> "header", algorithm |-> ..., nodes |-> <<...>>, ...].
TraceHeader == Assert(FALSE, "TraceHeader: the conform Java override is not loaded")

\* Every event of the file, whatever the segment (TraceLog = the events TraceOffset + 1 ..
\* TraceOffset + Len(TraceLog) of it): for looking ahead past the segment.
TraceFile == Assert(FALSE, "TraceFile: the conform Java override is not loaded")

\* The events of the file from TraceLog[1] to the end of the file (TraceAhead[k] = TraceLog[k] for
\* k <= Len(TraceLog)): for looking ahead past the segment without reading what came before it.
TraceAhead == Assert(FALSE, "TraceAhead: the conform Java override is not loaded")

\* Number of events of the file before TraceLog[1]: 0 unless the trace is validated in segments.
TraceOffset == Assert(FALSE, "TraceOffset: the conform Java override is not loaded")

\* Batches: the validator may check several traces of one algorithm in one TLC run, as one file of
\* their events where each trace after the first starts with an event [kind |-> "begin", trace |-> j]
\* at which every variable is reset to its initial value.  TraceHeader is then the header of the
\* first trace (all the traces of a batch have the same header but for seed and plan).
\* TraceNumberAt(k): the trace (1-based) that event k of the file belongs to (its begin event
\* included); TraceHeaderAt(k): that trace's own header.  Without a batch: 1 and TraceHeader.
TraceNumberAt(k) == 1
TraceHeaderAt(k) == TraceHeader

=============================================================================
