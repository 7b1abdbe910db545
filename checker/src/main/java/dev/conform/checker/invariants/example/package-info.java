/**
 * A hand-written FIFO variant of PingCounter (algorithm {@code pingcounter-fifo}; spec, trace
 * spec and traces in checker/src/test/resources/specs/pingcounter) that the checker's own tests
 * and benchmarks use: a model of the counters and FIFO channels folded from the trace, the spec's
 * invariant {@code NotAhead} plus two trace-level checks, and a seeded trace generator. It has no
 * implementation on the runtime; the worked example of a whole algorithm is
 * {@code dev.conform.checker.invariants.pingcounter} (docs/adding-an-algorithm.md).
 */
package dev.conform.checker.invariants.example;
