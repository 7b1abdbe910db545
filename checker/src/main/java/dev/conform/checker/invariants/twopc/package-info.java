/**
 * Java invariants for two-phase commit traces (algorithm {@code twopc}), judged on what the
 * trace records, never on the implementation's classes: the coordinator is the lowest node id
 * of the header, the others are participants; {@code action} events carry the spec variables
 * {@code tmState} (coordinator) and {@code rmState} (participant); a {@code send} of
 * {@code Vote{yes:true}} (or an {@code RMVoteYes} action) adds the sender to the history
 * {@code yesVotes}, as in {@code specs/twopc/TwoPhase.tla}.
 *
 * <p>Per trace: {@code Consistency} and {@code CommitValidity} (always, the spec's names) and
 * {@code DecidedOrCoordinatorDown} (sometimes). A run holds one transaction, so it can show only
 * one outcome: the "sometimes" expectations {@code CommitHappened} and {@code AbortHappened} are
 * judged over a batch of runs by {@link dev.conform.checker.invariants.twopc.TwoPhaseBatch}.
 * A run that ends with the coordinator down and participants uncertain is 2PC's known blocking;
 * {@link dev.conform.checker.invariants.twopc.TwoPhaseTraceState#blocking()} reports it without
 * failing the run.
 */
package dev.conform.checker.invariants.twopc;
