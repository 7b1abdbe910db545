/**
 * Trace validation against a TLA+ trace spec through TLC, failing closed.
 *
 * <p>{@link dev.conform.checker.validate.TlcTraceValidator} wraps the user's
 * {@code Trace<Algo>.tla} in a generated module and config (with a CONSTRAINT that prints an end
 * marker once a state consumed the whole segment, and deadlock checking off), runs TLC in
 * segments of at most {@link dev.conform.checker.validate.TraceValidationRequest#segmentSize()}
 * events (each starting from the end states the previous one printed), and accepts the trace only
 * when, in every segment, TLC finishes without error at search depth {@code len + 1} and printed
 * the marker ({@link dev.conform.checker.validate.SegmentAnswer}). On a divergence it runs TLC
 * once more to fetch the last matched state and, for every {@code IsX} of the trace spec, the
 * first top-level conjunct that fails there ({@link dev.conform.checker.validate.TraceSpecSource}).
 */
package dev.conform.checker.validate;
