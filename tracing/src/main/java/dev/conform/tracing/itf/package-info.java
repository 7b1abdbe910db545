/**
 * The Informal Trace Format (ITF, Apalache ADR-015, also used by Quint): reading and writing
 * state sequences ({@link dev.conform.tracing.itf.ItfReader}, {@link dev.conform.tracing.itf.ItfWriter}),
 * and exporting a conform trace as ITF (one state per event) and importing it back, so traces
 * can be exchanged with Apalache/Quint tooling.
 */
package dev.conform.tracing.itf;
