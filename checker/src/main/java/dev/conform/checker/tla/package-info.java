/**
 * Java bodies for TLA+ operators of {@code specs/lib} ({@code TraceInput.tla}, {@code TraceIndex.tla},
 * {@code TraceSeq.tla}), loaded by TLC through {@code tlc2.overrides.TLCOverrides}: the trace file
 * (NDJSON) is read with Jackson's streaming parser straight into TLC values, so a trace never passes
 * through TLA+ text; look-ahead indexes and log comparisons that TLC would redo in every state are
 * computed once or remembered, and a sequence that only grows is kept in a form TLC does not walk
 * in every state ({@code tlc2.value.impl.FrozenSeqValue}).
 */
package dev.conform.checker.tla;
