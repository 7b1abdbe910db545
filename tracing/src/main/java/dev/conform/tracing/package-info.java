/**
 * The trace model shared by producers (the runtime, other-language implementations) and
 * consumers (the checker): a {@link dev.conform.tracing.TraceHeader} followed by
 * {@link dev.conform.tracing.TraceEvent}s, written to a {@link dev.conform.tracing.TraceSink}.
 * Sinks: {@link dev.conform.tracing.TraceSink#noop()} (tracing off, free),
 * {@link dev.conform.tracing.MemorySink}, and the NDJSON file sink in {@code io}.
 * {@link dev.conform.tracing.FieldMap} is the cheap map for recorded states, and
 * {@link dev.conform.tracing.VectorClock.Ids} the cheap way to build one clock per event over a
 * fixed set of nodes.
 */
package dev.conform.tracing;
