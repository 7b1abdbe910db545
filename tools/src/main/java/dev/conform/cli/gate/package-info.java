/**
 * The conformance gate: every spec folder contributes checks through {@link
 * dev.conform.cli.gate.GateStep}s, the gate runs them and reports one table and JUnit XML.
 *
 * <p>Today there is one step, {@link dev.conform.cli.gate.ModelCheckStep} (TLC on each
 * MC*.tla/MC*.cfg pair, honouring the folder's {@code expected.json}). Further steps (e.g.
 * per-algorithm chaos runs validated against the trace spec) plug in by implementing
 * {@code GateStep} and being added to the gate's step list.
 */
package dev.conform.cli.gate;
