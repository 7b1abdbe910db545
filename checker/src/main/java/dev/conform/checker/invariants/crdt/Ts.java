package dev.conform.checker.invariants.crdt;

import java.util.Comparator;
import java.util.Map;

/**
 * A timestamp (wall, logical, node), ordered lexicographically, and the hybrid logical clock's
 * rules over the physical readings the trace does not show (CrdtLattice.tla's "Timestamps" and
 * "Hybrid logical clock").
 */
record Ts(long wall, long logical, long node) implements Comparable<Ts> {
    static final Ts ZERO = new Ts(0, 0, 0);
    private static final Comparator<Ts> ORDER =
            Comparator.comparingLong(Ts::wall).thenComparingLong(Ts::logical).thenComparingLong(Ts::node);

    static Ts of(Object json, String what) {
        Map<String, Object> t = Json.obj(json, what);
        return new Ts(Json.nat(t, "wall", what), Json.nat(t, "logical", what), Json.nat(t, "node", what));
    }

    @Override
    public int compareTo(Ts o) {
        return ORDER.compare(this, o);
    }

    /** (wall, logical) at or below that of {@code o}: the HLC order, ignoring the node. */
    boolean hlcLeq(Ts o) {
        return wall < o.wall || (wall == o.wall && logical <= o.logical);
    }

    /** {@code next} is this clock after a local or send event: HlcTickOk. */
    boolean hlcTickTo(Ts next) {
        return (next.wall > wall && next.logical == 0) || (next.wall == wall && next.logical == logical + 1);
    }

    /** {@code next} is this clock after receiving a message stamped {@code remote}: HlcReceiveOk. */
    boolean hlcReceiveTo(Ts remote, Ts next) {
        long m = Math.max(wall, remote.wall);
        if (next.wall > m) {
            return next.logical == 0;
        }
        long l;
        if (m == wall && m == remote.wall) {
            l = Math.max(logical, remote.logical) + 1;
        } else if (m == wall) {
            l = logical + 1;
        } else {
            l = remote.logical + 1;
        }
        return next.wall == m && next.logical == l;
    }

    @Override
    public String toString() {
        return wall + "." + logical + "@" + node;
    }
}
