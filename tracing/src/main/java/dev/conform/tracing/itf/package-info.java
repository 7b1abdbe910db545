/**
 * The Informal Trace Format (ITF, Apalache ADR-015, also used by Quint): reading and writing
 * state sequences ({@link dev.conform.tracing.itf.ItfReader}, {@link dev.conform.tracing.itf.ItfWriter}),
 * exporting a conform trace as ITF (one state per event, every variable set in every state), and
 * importing any ITF trace ({@link dev.conform.tracing.itf.ItfImport}): a conform export back to
 * its events, a Quint/Apalache trace as a state sequence, one action event per state.
 */
package dev.conform.tracing.itf;
