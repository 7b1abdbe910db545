package dev.conform.tracing;

import java.util.Arrays;

/**
 * The trace format's clock rule, written once for every runtime and for the reader's causality
 * check: every event a node records advances its Lamport clock and its own vector-clock entry by
 * one ({@link #tick}); a delivery first takes the maximum of the node's clocks and the send's
 * and then advances, so a delivery's Lamport clock is {@code max(own, send) + 1} ({@link #deliver}).
 *
 * <p>Holds the clocks of a set of nodes: every node of a simulation, or the one node of a process
 * on a real network (whose vectors grow as ids of unknown peers, e.g. clients, arrive). Node
 * {@code i} is the {@code i}-th id of the set; ids keep the order they were added in.
 */
public final class Clocks {
    private int[] ids;
    private long[] lamport;
    private long[][] vc;
    private VectorClock.Ids ascendingIds;

    /** Clocks at zero for the nodes {@code ids} (distinct). */
    public Clocks(int... ids) {
        this.ids = ids.clone();
        this.lamport = new long[ids.length];
        this.vc = new long[ids.length][ids.length];
        this.ascendingIds = ascending(this.ids) ? new VectorClock.Ids(this.ids) : null;
    }

    /** The own vector-clock entry a node's next event must carry after {@code previous}. */
    public static long nextOwnEntry(long previous) {
        return previous + 1;
    }

    /** Whether a delivery's Lamport clock respects its send's: it must be greater. */
    public static boolean deliveryAfterSend(long sendLamport, long deliverLamport) {
        return deliverLamport > sendLamport;
    }

    /** The index of node {@code id}, or -1 when it is not one of these clocks' nodes. */
    public int index(int id) {
        if (ascendingIds != null) {
            // a simulation's ids are ascending: a delivery merges its sender's entries in O(k log n)
            int i = Arrays.binarySearch(ids, id);
            return i >= 0 ? i : -1;
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** A local event (send, action, timer, drop, crash, restart, fault) at node {@code i}. */
    public void tick(int i) {
        lamport[i]++;
        vc[i][i] = nextOwnEntry(vc[i][i]);
    }

    /**
     * A delivery at node {@code i} of a message sent with {@code sendLamport} and
     * {@code sendVc} (a {@link #snapshot} taken from these clocks at the send).
     */
    public void deliver(int i, long sendLamport, long[] sendVc) {
        lamport[i] = Math.max(lamport[i], sendLamport);
        long[] mine = vc[i];
        for (int k = 0; k < sendVc.length; k++) {
            mine[k] = Math.max(mine[k], sendVc[k]);
        }
        tick(i);
    }

    /** A delivery at node {@code i} of a message whose send carried these clocks (by node id). */
    public void deliver(int i, long sendLamport, VectorClock sendVc) {
        merge(i, sendLamport, sendVc);
        tick(i);
    }

    /** Sets node {@code i}'s clocks to at least these (a process resuming its own trace). */
    public void merge(int i, long atLeastLamport, VectorClock atLeast) {
        lamport[i] = Math.max(lamport[i], atLeastLamport);
        if (atLeast == null) {
            return;
        }
        for (int k = 0; k < atLeast.size(); k++) {
            int col = indexOrAdd(atLeast.nodeAt(k));
            vc[i][col] = Math.max(vc[i][col], atLeast.countAt(k));
        }
    }

    public long lamport(int i) {
        return lamport[i];
    }

    /** A copy of node {@code i}'s vector, by index, for {@link #deliver(int, long, long[])}. */
    public long[] snapshot(int i) {
        return vc[i].clone();
    }

    /** Node {@code i}'s vector clock by node id. */
    public VectorClock clock(int i) {
        return ascendingIds != null ? ascendingIds.clock(vc[i]) : VectorClock.of(ids, vc[i]);
    }

    /** The index of node {@code id}, which is added with clocks at zero when it is new. */
    public int indexOrAdd(int id) {
        int k = index(id);
        if (k >= 0) {
            return k;
        }
        int n = ids.length;
        ids = Arrays.copyOf(ids, n + 1);
        ids[n] = id;
        lamport = Arrays.copyOf(lamport, n + 1);
        vc = Arrays.copyOf(vc, n + 1);
        vc[n] = new long[n + 1];
        for (int r = 0; r < n; r++) {
            vc[r] = Arrays.copyOf(vc[r], n + 1);
        }
        ascendingIds = ascending(ids) ? new VectorClock.Ids(ids) : null;
        return n;
    }

    private static boolean ascending(int[] ids) {
        for (int i = 1; i < ids.length; i++) {
            if (ids[i - 1] >= ids[i]) {
                return false;
            }
        }
        return true;
    }
}
