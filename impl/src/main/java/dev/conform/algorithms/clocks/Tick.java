package dev.conform.algorithms.clocks;

import java.util.Map;

/**
 * The one message: the sender's Lamport clock and vector clock right after its {@code Send}
 * event (trace type {@code Tick}, body {@code {"lc": n, "vc": {"<node>": n}}}).
 */
public record Tick(int lc, Map<String, Integer> vc) {
}
