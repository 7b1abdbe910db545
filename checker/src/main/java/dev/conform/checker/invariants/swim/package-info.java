/**
 * The Java invariants of {@code swim}, SWIM membership and failure detection (node:
 * {@code dev.conform.algorithms.swim}; spec: {@code specs/swim}). The folder replays every member's
 * protocol from the trace (views folded from the recorded deltas, each delta recomputed from the
 * consumed message), so a recorded view change is judged, never trusted.
 */
package dev.conform.checker.invariants.swim;
