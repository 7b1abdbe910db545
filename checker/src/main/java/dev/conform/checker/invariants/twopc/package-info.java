/**
 * Java replay and invariants for two-phase commit traces (algorithm {@code twopc}), judged on
 * what the trace records, never on the implementation's classes, with the rules of
 * {@code specs/twopc/TraceTwoPhase.tla}: the header's roles {@code coordinator},
 * {@code participant} and {@code client} name the nodes and {@code params.options.cooperative}
 * the variant; {@link dev.conform.checker.invariants.twopc.TwoPhaseFolder} replays every action
 * as the spec's ({@code TwoPhaseSteps}), feeding handlers the message delivered to their node,
 * checks the recorded state, and binds every send to the action that made it.
 *
 * <p>Per trace: {@code Consistency}, {@code CommitValidity} and {@code ReportsFollowDecision}
 * (always, the spec's names), {@code TwoPhaseTraceEnd} (at the end, the trace spec's end
 * condition) and {@code DecidedOrCoordinatorDown} (sometimes, coverage). A run holds one
 * transaction, so it can show only one outcome: the "sometimes" expectations
 * {@code CommitHappened} and {@code AbortHappened} are judged over a batch of runs by
 * {@link dev.conform.checker.invariants.twopc.TwoPhaseBatch}. A run that ends with the
 * coordinator down and participants uncertain is 2PC's known blocking;
 * {@link dev.conform.checker.invariants.twopc.TwoPhaseTraceState#blocking()} reports it without
 * failing the run.
 */
package dev.conform.checker.invariants.twopc;
