/**
 * The conformance gate ({@code conform gate}). Every spec folder contributes checks through
 * {@link dev.conform.cli.gate.GateStep}s; {@link dev.conform.cli.gate.Gate} runs them stage by
 * stage ({@link dev.conform.cli.gate.GateCheck.Stage}: every folder's model checks, then chaos
 * runs, coverage, TLC trace validation; single-threaded TLC batches side by side) and reports one
 * table row per folder and per variant, and one JUnit testcase per check.
 *
 * <p>Steps: {@link dev.conform.cli.gate.ModelCheckStep} (TLC on the folder's MC configs, honouring
 * {@code expected.json}; with a {@code gate.json}, only the configs it lists) and
 * {@link dev.conform.cli.gate.ChaosStep} (for a {@code gate.json} pairing: the budget's seeds split
 * over its {@link dev.conform.cli.gate.GateVariant}s, each variant's seeded chaos runs checked by
 * the Java invariants ({@link dev.conform.cli.gate.ChaosCheck}), {@link dev.conform.cli.gate.CoverageCheck}
 * over all runs, and TLC validation of the runs' traces in batches with a verdict per trace
 * ({@link dev.conform.cli.gate.TraceValidationCheck})). {@link dev.conform.cli.gate.ChaosRunner} is
 * the one place that turns a seed into a run and judges it; the {@code explore} command uses it too.
 *
 * <p>CI matrices: a {@link dev.conform.cli.gate.GateShard} ({@code --shard K/N}) runs a
 * deterministic share of the checks; every run's {@link dev.conform.cli.gate.GateSummary} (beside
 * its JUnit files) lets {@link dev.conform.cli.gate.GateMerge} ({@code conform gate-merge}) judge
 * the shards as one gate.
 */
package dev.conform.cli.gate;
