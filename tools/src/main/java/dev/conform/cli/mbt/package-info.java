/**
 * Model-based tests ({@code conform mbt}): trace validation asks whether what the implementation
 * did is allowed by the spec; these ask the converse, whether the implementation can do what the
 * spec allows. TLC draws behaviours from a module that labels each step
 * ({@code specs/<algo>/Mbt<Algo>.tla}); {@link dev.conform.cli.mbt.MbtReplay} drives the
 * implementation through each on the scripted scheduler and compares, step by step, the action and
 * the state the implementation records, the messages it sent and the nodes up, through the trace
 * spec's mapping ({@link dev.conform.cli.mbt.MbtModel}, one per algorithm).
 */
package dev.conform.cli.mbt;
