/**
 * Java bodies for TLA+ operators of {@code specs/lib/TraceInput.tla}, loaded by TLC through
 * {@code tlc2.overrides.TLCOverrides}: the trace file (NDJSON) is read with Jackson's streaming
 * parser straight into TLC values, so a trace never passes through TLA+ text.
 */
package dev.conform.checker.tla;
