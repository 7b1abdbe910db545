/**
 * NDJSON trace files: {@link dev.conform.tracing.io.NdjsonSink} writes them fast with one
 * reused Jackson generator; {@link dev.conform.tracing.io.TraceReader} streams them back and
 * rejects anything outside docs/trace-format.md with a {@code file:line:column} message
 * ({@link dev.conform.tracing.io.TraceFormatException}).
 */
package dev.conform.tracing.io;
