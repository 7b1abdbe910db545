package dev.conform.algorithms.crdt;

import java.util.Comparator;

/**
 * A unique event id: the {@code counter}-th add made at replica {@code node}.
 *
 * @param node    replica that made the add
 * @param counter its sequence number there, from 1
 */
public record Dot(int node, long counter) implements Comparable<Dot> {
    private static final Comparator<Dot> ORDER =
        Comparator.comparingInt(Dot::node).thenComparingLong(Dot::counter);

    public Dot {
        if (counter < 1) {
            throw new IllegalArgumentException("dot counters start at 1: " + counter);
        }
    }

    @Override
    public int compareTo(Dot o) {
        return ORDER.compare(this, o);
    }
}
