/**
 * Trace validation against a TLA+ trace spec through TLC, failing closed.
 *
 * <p>{@link dev.conform.checker.validate.TlcTraceValidator} wraps the user's
 * {@code Trace<Algo>.tla} in a generated module and config (so the verdict invariant
 * {@code TraceNotFinished} is always checked and deadlock checking is off), runs TLC in segments
 * of at most {@link dev.conform.checker.validate.TlcTraceValidator.Options#segmentSize()} events
 * (each starting from the last state of the previous one), and accepts the trace only when TLC
 * reports {@code TraceNotFinished} violated in every segment. On a divergence it runs TLC once
 * more to fetch the last matched state and, for every {@code IsX} of the trace spec, the first
 * top-level conjunct that fails there ({@link dev.conform.checker.validate.TraceSpecSource}).
 */
package dev.conform.checker.validate;
