package dev.conform.tracing;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable vector clock over node ids. Written to traces as a JSON object
 * {@code {"1": 3, "2": 0}}; absent entries are zero.
 *
 * <p>Kept as two parallel arrays (node ids ascending, counters non-zero) because clocks are
 * built and compared once per trace event: a map per event dominated tracing cost. The
 * {@link #size()}/{@link #nodeAt(int)}/{@link #countAt(int)} accessors walk the entries without
 * boxing; {@link #asMap()} is the same view as a sorted map.
 */
public final class VectorClock {
    private static final int[] NO_NODES = new int[0];
    private static final long[] NO_COUNTS = new long[0];
    private static final VectorClock EMPTY = new VectorClock(NO_NODES, NO_COUNTS);

    private final int[] nodes;
    private final long[] counts;

    private VectorClock(int[] nodes, long[] counts) {
        this.nodes = nodes;
        this.counts = counts;
    }

    public static VectorClock empty() {
        return EMPTY;
    }

    public static VectorClock of(Map<Integer, Long> entries) {
        int n = 0;
        for (Long v : entries.values()) {
            if (v != 0) {
                n++;
            }
        }
        int[] ids = new int[n];
        long[] cs = new long[n];
        int i = 0;
        for (Map.Entry<Integer, Long> e : entries.entrySet()) {
            if (e.getValue() != 0) {
                ids[i] = e.getKey();
                cs[i] = e.getValue();
                i++;
            }
        }
        return sorted(ids, cs);
    }

    /**
     * The clock whose entry for {@code ids[i]} is {@code counts[i]}; zero counters are left out.
     * The arrays are copied, so callers may reuse them. Node ids must be distinct.
     */
    public static VectorClock of(int[] ids, long[] counts) {
        if (ids.length != counts.length) {
            throw new IllegalArgumentException("ids and counts differ in length");
        }
        return of(ids, counts, ids.length);
    }

    /** The clock of the first {@code len} entries of the arrays (copied, as by {@link #of(int[], long[])}). */
    public static VectorClock of(int[] ids, long[] counts, int len) {
        if (len < 0 || len > ids.length || len > counts.length) {
            throw new IllegalArgumentException("length " + len + " outside the arrays");
        }
        int n = 0;
        for (int i = 0; i < len; i++) {
            if (counts[i] != 0) {
                n++;
            }
        }
        int[] is = new int[n];
        long[] cs = new long[n];
        int k = 0;
        for (int i = 0; i < len; i++) {
            if (counts[i] != 0) {
                is[k] = ids[i];
                cs[k] = counts[i];
                k++;
            }
        }
        return sorted(is, cs);
    }

    /** Takes ownership of the arrays; sorts them by node id unless already ascending. */
    private static VectorClock sorted(int[] ids, long[] cs) {
        boolean ascending = true;
        for (int i = 1; i < ids.length; i++) {
            if (ids[i - 1] >= ids[i]) {
                ascending = false;
                break;
            }
        }
        if (!ascending) {
            TreeMap<Integer, Long> m = new TreeMap<>();
            for (int i = 0; i < ids.length; i++) {
                if (m.put(ids[i], cs[i]) != null) {
                    throw new IllegalArgumentException("node " + ids[i] + " appears twice in a vector clock");
                }
            }
            int i = 0;
            for (Map.Entry<Integer, Long> e : m.entrySet()) {
                ids[i] = e.getKey();
                cs[i] = e.getValue();
                i++;
            }
        }
        return ids.length == 0 ? EMPTY : new VectorClock(ids, cs);
    }

    /**
     * A fixed set of node ids, checked once, for producers that build a clock per event over the
     * same nodes (the simulator): a clock with every counter non-zero shares the ids array
     * instead of copying it and needs no sort check.
     */
    public static final class Ids {
        private final int[] ids;

        /** {@code ids} must be strictly ascending; the array is copied. */
        public Ids(int... ids) {
            for (int i = 1; i < ids.length; i++) {
                if (ids[i - 1] >= ids[i]) {
                    throw new IllegalArgumentException("node ids must be strictly ascending: " + Arrays.toString(ids));
                }
            }
            this.ids = ids.clone();
        }

        public int size() {
            return ids.length;
        }

        /** The clock whose entry for the {@code i}-th id is {@code counts[i]}; counts is copied. */
        public VectorClock clock(long[] counts) {
            if (counts.length != ids.length) {
                throw new IllegalArgumentException("ids and counts differ in length");
            }
            for (long c : counts) {
                if (c == 0) {
                    return VectorClock.of(ids, counts); // leaves the zero counters out
                }
            }
            return new VectorClock(ids, counts.clone());
        }
    }

    /** Number of non-zero entries. */
    public int size() {
        return nodes.length;
    }

    /** Node id of the {@code i}-th non-zero entry (ascending node ids). */
    public int nodeAt(int i) {
        return nodes[i];
    }

    /** Counter of the {@code i}-th non-zero entry. */
    public long countAt(int i) {
        return counts[i];
    }

    public long get(int node) {
        int i = Arrays.binarySearch(nodes, node);
        return i >= 0 ? counts[i] : 0L;
    }

    /** This clock with {@code node}'s entry incremented. */
    public VectorClock tick(int node) {
        int i = Arrays.binarySearch(nodes, node);
        if (i >= 0) {
            long[] cs = counts.clone();
            cs[i]++;
            return new VectorClock(nodes, cs);
        }
        int at = -i - 1;
        int[] ids = new int[nodes.length + 1];
        long[] cs = new long[nodes.length + 1];
        System.arraycopy(nodes, 0, ids, 0, at);
        System.arraycopy(counts, 0, cs, 0, at);
        ids[at] = node;
        cs[at] = 1;
        System.arraycopy(nodes, at, ids, at + 1, nodes.length - at);
        System.arraycopy(counts, at, cs, at + 1, nodes.length - at);
        return new VectorClock(ids, cs);
    }

    /** The entry-wise maximum of the two clocks. */
    public VectorClock merge(VectorClock other) {
        int[] a = nodes;
        int[] b = other.nodes;
        int[] ids = new int[a.length + b.length];
        long[] cs = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            if (j == b.length || i < a.length && a[i] < b[j]) {
                ids[k] = a[i];
                cs[k++] = counts[i++];
            } else if (i == a.length || b[j] < a[i]) {
                ids[k] = b[j];
                cs[k++] = other.counts[j++];
            } else {
                ids[k] = a[i];
                cs[k++] = Math.max(counts[i++], other.counts[j++]);
            }
        }
        return new VectorClock(k == ids.length ? ids : Arrays.copyOf(ids, k),
                k == cs.length ? cs : Arrays.copyOf(cs, k));
    }

    /** True when every entry of this clock is at most the other's (this happened before or equals). */
    public boolean lessOrEqual(VectorClock other) {
        int[] b = other.nodes;
        int j = 0;
        for (int i = 0; i < nodes.length; i++) {
            int id = nodes[i];
            while (j < b.length && b[j] < id) {
                j++;
            }
            long theirs = j < b.length && b[j] == id ? other.counts[j] : 0L;
            if (counts[i] > theirs) {
                return false;
            }
        }
        return true;
    }

    /** True when neither clock is below the other. */
    public boolean concurrentWith(VectorClock other) {
        return !lessOrEqual(other) && !other.lessOrEqual(this);
    }

    /** The non-zero entries as an unmodifiable map sorted by node id. */
    public Map<Integer, Long> asMap() {
        TreeMap<Integer, Long> m = new TreeMap<>();
        for (int i = 0; i < nodes.length; i++) {
            m.put(nodes[i], counts[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorClock v && Arrays.equals(v.nodes, nodes) && Arrays.equals(v.counts, counts);
    }

    /** Same value as {@code asMap().hashCode()}. */
    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < nodes.length; i++) {
            h += Integer.hashCode(nodes[i]) ^ Long.hashCode(counts[i]);
        }
        return h;
    }

    /** Same text as {@code asMap().toString()}, e.g. {@code {1=3, 2=4}}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < nodes.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(nodes[i]).append('=').append(counts[i]);
        }
        return sb.append('}').toString();
    }
}
