/**
 * Trace-level invariants checked in Java, next to (and independently of) TLC.
 *
 * <p>An algorithm supplies an {@link dev.conform.checker.invariants.InvariantSet}: a
 * {@link dev.conform.checker.invariants.StateFolder} that folds trace events into a model of the
 * global state, and named {@link dev.conform.checker.invariants.Invariant}s over that model
 * (names match the spec's invariants). {@link dev.conform.checker.invariants.ReplayEngine}
 * streams a trace through the folder and checks every invariant after every event:
 * {@code ALWAYS} must hold after each event, {@code AT_END} in the final state; {@code SOMETIMES}
 * properties are coverage, reported beside the verdict (see {@link dev.conform.checker.invariants.Coverage}).
 * Before the folder, every event passes the network and node rules of
 * {@link dev.conform.checker.network.TraceNetwork}. Sets register by algorithm name
 * (the trace header's {@code algorithm}) in {@link dev.conform.checker.invariants.InvariantRegistry},
 * either explicitly or through {@link java.util.ServiceLoader} ({@code META-INF/services/
 * dev.conform.checker.invariants.InvariantSet}), so the checker never depends on impl.
 */
package dev.conform.checker.invariants;
