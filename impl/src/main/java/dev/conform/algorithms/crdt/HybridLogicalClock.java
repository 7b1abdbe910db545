package dev.conform.algorithms.crdt;

/**
 * Hybrid logical clock (Kulkarni et al., 2014) as an immutable value.
 *
 * <p>{@code wall} tracks the largest physical time seen (local or in a received timestamp) and
 * {@code logical} counts events within one {@code wall} value. The clock therefore never runs
 * behind anything its owner has seen: if event e happened before f, then ts(e) &lt; ts(f),
 * whatever the physical clocks' skew. It stays close to physical time: {@code wall} exceeds the
 * local clock only by the skew of the fastest clock heard from.
 *
 * @param wall    largest physical time seen
 * @param logical events counted at that wall value
 */
public record HybridLogicalClock(long wall, long logical) {
    public HybridLogicalClock {
        if (wall < 0 || logical < 0) {
            throw new IllegalArgumentException("negative HLC: " + wall + "." + logical);
        }
    }

    /** A clock that has seen nothing. */
    public static HybridLogicalClock start() {
        return new HybridLogicalClock(0, 0);
    }

    /** The clock after a local or send event at physical time {@code physical}. */
    public HybridLogicalClock tick(long physical) {
        if (physical > wall) {
            return new HybridLogicalClock(physical, 0);
        }
        return new HybridLogicalClock(wall, logical + 1);
    }

    /** The clock after receiving a message stamped {@code remote} at physical time {@code physical}. */
    public HybridLogicalClock receive(Timestamp remote, long physical) {
        long w = Math.max(Math.max(wall, remote.wall()), physical);
        long l;
        if (w == wall && w == remote.wall()) {
            l = Math.max(logical, remote.logical()) + 1;
        } else if (w == wall) {
            l = logical + 1;
        } else if (w == remote.wall()) {
            l = remote.logical() + 1;
        } else {
            l = 0;
        }
        return new HybridLogicalClock(w, l);
    }

    /** This clock's reading as a timestamp of node {@code node}. */
    public Timestamp stamp(int node) {
        return new Timestamp(wall, logical, node);
    }
}
