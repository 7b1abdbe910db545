/**
 * The Java invariants of the worked example PingCounter (spec and trace spec in
 * checker/src/test/resources/specs/pingcounter): a model of the counters and FIFO channels
 * folded from the trace, and the spec's invariant {@code NotAhead} plus two trace-level checks.
 * It is the reference for how an algorithm registers its invariant set.
 */
package dev.conform.checker.invariants.example;
