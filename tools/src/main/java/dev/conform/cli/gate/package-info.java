/**
 * The conformance gate ({@code conform gate}). Every spec folder contributes checks through
 * {@link dev.conform.cli.gate.GateStep}s; {@link dev.conform.cli.gate.Gate} runs them (single-threaded
 * TLC samples side by side) and reports one table row per folder and one JUnit testcase per check.
 *
 * <p>Steps: {@link dev.conform.cli.gate.ModelCheckStep} (TLC on the folder's MC configs, honouring
 * {@code expected.json}; with a {@code gate.json}, only the configs it lists) and
 * {@link dev.conform.cli.gate.ChaosStep} (for a {@code gate.json} pairing: seeded chaos runs checked
 * by the Java invariants, then TLC validation of a sample of their traces). {@link
 * dev.conform.cli.gate.ChaosRunner} is the one place that turns a seed into a run and judges it; the
 * {@code explore} command uses it too.
 */
package dev.conform.cli.gate;
