/**
 * The Java invariants of PingCounter, the worked example of {@code docs/adding-an-algorithm.md}
 * (node: {@code dev.conform.algorithms.pingcounter}; spec: {@code specs/pingcounter}).
 */
package dev.conform.checker.invariants.pingcounter;
