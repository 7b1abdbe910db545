package dev.conform.algorithms.crdt;

/**
 * Counter that goes up and down: a pair of grow-only counters, one for increments and one for
 * decrements. The pair only grows (so it is still a lattice) even though the value may shrink.
 *
 * @param inc increments per replica
 * @param dec decrements per replica
 */
public record PNCounter(GCounter inc, GCounter dec) implements Crdt<PNCounter> {
    public PNCounter {
        inc = inc == null ? GCounter.zero() : inc;
        dec = dec == null ? GCounter.zero() : dec;
    }

    /** The counter nobody has touched. */
    public static PNCounter zero() {
        return new PNCounter(GCounter.zero(), GCounter.zero());
    }

    /** This counter after replica {@code replica} adds {@code by} (positive or negative, not 0). */
    public PNCounter add(int replica, long by) {
        if (by > 0) {
            return new PNCounter(inc.increment(replica, by), dec);
        }
        if (by < 0) {
            return new PNCounter(inc, dec.increment(replica, Math.negateExact(by)));
        }
        throw new IllegalArgumentException("adding 0 is not an update");
    }

    /** Increments minus decrements. */
    public long value() {
        return Math.subtractExact(inc.value(), dec.value());
    }

    @Override
    public Object read() {
        return value();
    }

    @Override
    public PNCounter merge(PNCounter other) {
        return new PNCounter(inc.merge(other.inc), dec.merge(other.dec));
    }

    @Override
    public boolean leq(PNCounter other) {
        return inc.leq(other.inc) && dec.leq(other.dec);
    }
}
