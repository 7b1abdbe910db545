/**
 * The Java invariants of {@code causal}, causal broadcast (node:
 * {@code dev.conform.algorithms.broadcast}, {@code CausalAlgorithm}; spec: {@code specs/causal}).
 * Happens-before between broadcasts is rebuilt from the trace's Deliver and Broadcast events, so
 * the deps a value carries are judged, never trusted.
 */
package dev.conform.checker.invariants.causal;
