package dev.conform.algorithms.crdt;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Grow-only counter: one non-decreasing count per replica; the value is their sum. Merge takes
 * the pointwise maximum, so an increment is counted once however often it is gossiped.
 *
 * @param counts increments made at each replica (absent = 0)
 */
public record GCounter(SortedMap<Integer, Long> counts) implements Crdt<GCounter> {
    public GCounter {
        TreeMap<Integer, Long> copy = new TreeMap<>();
        if (counts != null) {
            for (Map.Entry<Integer, Long> e : counts.entrySet()) {
                if (e.getValue() < 0) {
                    throw new IllegalArgumentException("negative count for replica " + e.getKey());
                }
                if (e.getValue() > 0) {
                    copy.put(e.getKey(), e.getValue());
                }
            }
        }
        counts = java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** The counter nobody has incremented. */
    public static GCounter zero() {
        return new GCounter(new TreeMap<>());
    }

    /** This counter after replica {@code replica} adds {@code by} (at least 1). */
    public GCounter increment(int replica, long by) {
        if (by <= 0) {
            throw new IllegalArgumentException("increment must be positive: " + by);
        }
        TreeMap<Integer, Long> next = new TreeMap<>(counts);
        next.merge(replica, by, Math::addExact);
        return new GCounter(next);
    }

    /** The count contributed by {@code replica}. */
    public long countOf(int replica) {
        return counts.getOrDefault(replica, 0L);
    }

    /** The counter's value: the sum over replicas. */
    public long value() {
        long sum = 0;
        for (long c : counts.values()) {
            sum = Math.addExact(sum, c);
        }
        return sum;
    }

    @Override
    public Object read() {
        return value();
    }

    @Override
    public GCounter merge(GCounter other) {
        TreeMap<Integer, Long> next = new TreeMap<>(counts);
        other.counts.forEach((k, v) -> next.merge(k, v, Math::max));
        return new GCounter(next);
    }

    @Override
    public boolean leq(GCounter other) {
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            if (e.getValue() > other.countOf(e.getKey())) {
                return false;
            }
        }
        return true;
    }
}
