package dev.conform.algorithms.clocks;

import java.util.Map;

/**
 * A node's clocks: Lamport clock {@code lc}, vector clock {@code vc} (node id as a string to the
 * count of that node's events this node knows of, every server listed in ascending order) and the
 * number of timer-driven events (Local and Send) performed so far. It is both what a node persists
 * and the state recorded with each of its actions.
 */
public record ClockState(int lc, Map<String, Integer> vc, int events) {
    public ClockState {
        vc = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vc));
    }
}
