package dev.conform.algorithms.swim;

import dev.conform.algorithms.swim.SwimMessage.Update;
import java.util.Collections;
import java.util.List;

/**
 * One member's view of the others: per member a status and an incarnation, in two arrays indexed
 * by the member's position among the servers (no per-entry objects, so a 10,000-member view stays
 * small). {@link #overrides} is the precedence of the SWIM paper (section 4.2) that decides which
 * update replaces which entry. The reachable entries (alive or suspect: the candidate helpers of
 * an indirect probe) are also kept as a bit set with per-word counts in a Fenwick tree, so that
 * counting, ranking and picking the r-th of them costs O(log n), not a scan of the view.
 */
final class SwimView {
    static final byte ABSENT = 0;
    static final byte ALIVE = 1;
    static final byte SUSPECT = 2;
    static final byte DEAD = 3;
    static final byte LEFT = 4;
    private static final String[] NAMES = {"absent", "alive", "suspect", "dead", "left"};

    private final List<Integer> members;
    private final byte[] status;
    private final int[] inc;
    /** Bit i set: entry i is alive or suspect. */
    private final long[] reachable;
    /** Fenwick tree (1-based) over the bit counts of the words of {@link #reachable}. */
    private final int[] counts;
    private int reachableCount;

    /** An empty view over {@code members} (ascending ids, shared, not copied). */
    SwimView(List<Integer> members) {
        this.members = members;
        this.status = new byte[members.size()];
        this.inc = new int[members.size()];
        this.reachable = new long[(members.size() + 63) >>> 6];
        this.counts = new int[reachable.length + 1];
    }

    /**
     * Whether the update {@code (s, i)} replaces the entry {@code (cur, curInc)}: Alive(i) beats
     * Alive, Suspect, Dead and Left at a lower incarnation; Suspect(i) beats Suspect at a lower one
     * and Alive at a lower or equal one; Dead(i) beats Alive and Suspect at most i and Dead and Left
     * below i; Left(i) beats Alive, Suspect and Dead at most i and Left below i. Any update beats an
     * absent entry; none beats an entry equal to it.
     */
    static boolean overrides(byte cur, int curInc, byte s, int i) {
        if (cur == ABSENT) {
            return true;
        }
        return switch (s) {
            case ALIVE -> i > curInc;
            case SUSPECT -> cur == SUSPECT ? i > curInc : cur == ALIVE && i >= curInc;
            case DEAD -> cur == ALIVE || cur == SUSPECT ? i >= curInc : i > curInc;
            case LEFT -> cur == LEFT ? i > curInc : i >= curInc;
            default -> throw new IllegalArgumentException("no such status " + s);
        };
    }

    static byte status(String name) {
        for (byte b = ALIVE; b <= LEFT; b++) {
            if (NAMES[b].equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown SWIM status '" + name + "'");
    }

    static String name(byte status) {
        return NAMES[status];
    }

    /** The position of member {@code id}, or -1 when it is not a server. */
    int index(int id) {
        int i = Collections.binarySearch(members, id);
        return i < 0 ? -1 : i;
    }

    int size() {
        return members.size();
    }

    int member(int index) {
        return members.get(index);
    }

    byte status(int index) {
        return status[index];
    }

    int inc(int index) {
        return inc[index];
    }

    void set(int index, byte s, int i) {
        boolean was = isReachable(status[index]);
        boolean is = isReachable(s);
        status[index] = s;
        inc[index] = i;
        if (was != is) {
            reachable[index >>> 6] ^= 1L << index;
            int d = is ? 1 : -1;
            reachableCount += d;
            for (int w = (index >>> 6) + 1; w < counts.length; w += w & -w) {
                counts[w] += d;
            }
        }
    }

    private static boolean isReachable(byte s) {
        return s == ALIVE || s == SUSPECT;
    }

    /** Whether entry {@code index} is alive or suspect. */
    boolean reachable(int index) {
        return (reachable[index >>> 6] & 1L << index) != 0;
    }

    /** How many entries are alive or suspect. */
    int reachableCount() {
        return reachableCount;
    }

    /** How many alive or suspect entries come before {@code index}. */
    int rank(int index) {
        int r = 0;
        for (int w = index >>> 6; w > 0; w -= w & -w) {
            r += counts[w];
        }
        return r + Long.bitCount(reachable[index >>> 6] & ((1L << index) - 1));
    }

    /** The index of the alive or suspect entry of rank {@code r} (0-based, below {@link #reachableCount()}). */
    int select(int r) {
        int word = 0;
        int rest = r;
        for (int step = Integer.highestOneBit(reachable.length); step > 0; step >>>= 1) {
            int next = word + step;
            if (next <= reachable.length && counts[next] <= rest) {
                word = next;
                rest -= counts[next];
            }
        }
        long bits = reachable[word];
        for (int i = 0; i < rest; i++) {
            bits &= bits - 1;
        }
        return (word << 6) + Long.numberOfTrailingZeros(bits);
    }

    /** The entry at {@code index} as an update (not absent). */
    Update update(int index) {
        return new Update(members.get(index), NAMES[status[index]], inc[index]);
    }
}
