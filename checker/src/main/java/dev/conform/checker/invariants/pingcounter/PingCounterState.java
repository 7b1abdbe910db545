package dev.conform.checker.invariants.pingcounter;

import java.util.Map;
import java.util.TreeMap;

/**
 * PingCounter's global state as the trace shows it: each node's counter and the largest value it
 * has sent (the spec's {@code NotAhead} quantifies over every message sent; only the largest per
 * sender matters). Updated in place by {@link PingCounterFolder}.
 */
public final class PingCounterState {
    final Map<Integer, Long> count = new TreeMap<>();
    final Map<Integer, Long> maxSent = new TreeMap<>();
    boolean raised; // some Receive raised its node's counter

    long count(int node) {
        return count.getOrDefault(node, 0L);
    }

    /** The spec's NotAhead: no message carries more than its sender's counter. */
    boolean notAhead() {
        return maxSent.entrySet().stream().allMatch(e -> e.getValue() <= count(e.getKey()));
    }

    @Override
    public String toString() {
        return "count=" + count + " maxSent=" + maxSent;
    }
}
