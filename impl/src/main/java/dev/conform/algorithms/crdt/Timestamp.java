package dev.conform.algorithms.crdt;

import java.util.Comparator;

/**
 * A last-writer-wins timestamp, totally ordered by (wall, logical, node).
 *
 * <p>With the physical clock {@code logical} is always 0 and {@code wall} is the writer's local
 * clock reading, skew included. With the hybrid logical clock, (wall, logical) is the HLC value,
 * which never runs behind anything the writer has seen. The node id breaks ties between
 * different writers, so two distinct writes never compare equal.
 *
 * @param wall    physical part (clock ticks)
 * @param logical logical counter within one wall value (HLC only)
 * @param node    writer's node id
 */
public record Timestamp(long wall, long logical, int node) implements Comparable<Timestamp> {
    /** Below every real write: the timestamp of an empty register. */
    public static final Timestamp ZERO = new Timestamp(0, 0, 0);

    private static final Comparator<Timestamp> ORDER = Comparator.comparingLong(Timestamp::wall)
        .thenComparingLong(Timestamp::logical)
        .thenComparingInt(Timestamp::node);

    public Timestamp {
        if (wall < 0 || logical < 0) {
            throw new IllegalArgumentException("negative timestamp part: " + wall + "." + logical);
        }
    }

    @Override
    public int compareTo(Timestamp o) {
        return ORDER.compare(this, o);
    }

    /** True when this timestamp orders after {@code o}. */
    public boolean after(Timestamp o) {
        return compareTo(o) > 0;
    }

    @Override
    public String toString() {
        return wall + "." + logical + "@" + node;
    }
}
