/**
 * Cross-module conformance tests: implementations run on the simulator, their traces checked by
 * the checker (Java invariants through the ReplayEngine, TLC through the trace specs), plus the
 * hand-written traces of each spec folder. Raft: {@code RaftChaosConformanceTest} (seeded fault
 * plans; {@code -Dconform.soak=true} for the long soak), {@code RaftHandWrittenTracesTest},
 * {@code RaftFlawSearchTest} (every teaching flaw is caught within a bounded seeded search).
 * A failing run prints the {@code ./conform} commands that replay it.
 */
package dev.conform.conformance;
