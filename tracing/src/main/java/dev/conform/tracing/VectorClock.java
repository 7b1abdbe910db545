package dev.conform.tracing;

import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable vector clock over node ids. Written to traces as a JSON object
 * {@code {"1": 3, "2": 0}}; absent entries are zero.
 */
public final class VectorClock {
    private final TreeMap<Integer, Long> entries;

    private VectorClock(TreeMap<Integer, Long> entries) {
        this.entries = entries;
    }

    public static VectorClock empty() {
        return new VectorClock(new TreeMap<>());
    }

    public static VectorClock of(Map<Integer, Long> entries) {
        TreeMap<Integer, Long> m = new TreeMap<>();
        entries.forEach((k, v) -> {
            if (v != 0) {
                m.put(k, v);
            }
        });
        return new VectorClock(m);
    }

    public long get(int node) {
        return entries.getOrDefault(node, 0L);
    }

    /** This clock with {@code node}'s entry incremented. */
    public VectorClock tick(int node) {
        TreeMap<Integer, Long> m = new TreeMap<>(entries);
        m.merge(node, 1L, Long::sum);
        return new VectorClock(m);
    }

    /** The entry-wise maximum of the two clocks. */
    public VectorClock merge(VectorClock other) {
        TreeMap<Integer, Long> m = new TreeMap<>(entries);
        other.entries.forEach((k, v) -> m.merge(k, v, Math::max));
        return new VectorClock(m);
    }

    /** True when every entry of this clock is at most the other's (this happened before or equals). */
    public boolean lessOrEqual(VectorClock other) {
        for (Map.Entry<Integer, Long> e : entries.entrySet()) {
            if (e.getValue() > other.get(e.getKey())) {
                return false;
            }
        }
        return true;
    }

    /** True when neither clock is below the other. */
    public boolean concurrentWith(VectorClock other) {
        return !lessOrEqual(other) && !other.lessOrEqual(this);
    }

    public Map<Integer, Long> asMap() {
        return java.util.Collections.unmodifiableMap(entries);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorClock v && v.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

}
