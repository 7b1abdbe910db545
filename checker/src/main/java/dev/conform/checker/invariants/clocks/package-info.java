/**
 * The Java invariants of {@code clocks}, Lamport and vector clocks (node:
 * {@code dev.conform.algorithms.clocks}; spec: {@code specs/clocks}). Happens-before is rebuilt
 * from the trace's structure alone, so the recorded clocks are judged, never trusted.
 */
package dev.conform.checker.invariants.clocks;
