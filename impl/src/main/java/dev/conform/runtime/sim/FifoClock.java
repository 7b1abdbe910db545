package dev.conform.runtime.sim;

/**
 * The last scheduled delivery time of each directed link that has one, which keeps reliable links
 * FIFO: a send may not be delivered before the link's previous one. Only links with a delivery
 * still ahead of {@code now} constrain anything (a new send arrives at {@code now + 1} or later),
 * so entries at or before {@code now} are dropped when the table grows: its size follows the
 * links in use recently, not n x n. An open-addressing table of primitive longs, no boxing.
 */
final class FifoClock {
    private static final long EMPTY = -1;
    private long[] keys = new long[64];
    private long[] times = new long[64];
    private int size;

    FifoClock() {
        java.util.Arrays.fill(keys, EMPTY);
    }

    /**
     * The delivery time of a send on link {@code link} (a non-negative key) at {@code now}
     * wanting {@code due}: {@code due}, or the link's last delivery time if that is later; it
     * becomes the link's last delivery time.
     */
    long next(long link, long due, long now) {
        int i = find(link);
        if (keys[i] == link) {
            long t = Math.max(due, times[i]);
            times[i] = t;
            return t;
        }
        if (2 * (size + 1) > keys.length) {
            rebuild(now);
            i = find(link);
        }
        keys[i] = link;
        times[i] = due;
        size++;
        return due;
    }

    int size() {
        return size;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Drops the entries that no longer constrain a send; doubles the table if still crowded. */
    private void rebuild(long now) {
        long[] oldKeys = keys;
        long[] oldTimes = times;
        int live = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldTimes[i] > now) {
                live++;
            }
        }
        int capacity = oldKeys.length;
        while (4 * (live + 1) > capacity) {
            capacity *= 2;
        }
        keys = new long[capacity];
        times = new long[capacity];
        java.util.Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldTimes[i] > now) {
                int j = find(oldKeys[i]);
                keys[j] = oldKeys[i];
                times[j] = oldTimes[i];
                size++;
            }
        }
    }

    private static long mix(long k) {
        k *= 0x9E3779B97F4A7C15L;
        return k ^ (k >>> 32);
    }
}
