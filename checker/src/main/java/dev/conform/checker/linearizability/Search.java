package dev.conform.checker.linearizability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Wing and Gong's search for a linearization of one object's history, with Lowe's just-in-time
 * linearization and memoization (the algorithm Porcupine uses).
 *
 * <p>The history becomes one list of call and return entries in time order. The search walks it:
 * at a call it tries to linearize that operation now (the model must accept it in the current
 * state) and, if so, lifts the call and its return out of the list and starts again from the
 * front; at a return whose operation is still in the list no order works from here, so it undoes
 * the last linearized operation and tries the next candidate after it. The history is
 * linearizable when the list empties. The cache of visited (linearized set, state) pairs prunes
 * every branch that reaches a configuration seen before: the rest of the search depends only on
 * that pair, so it would fail again.
 *
 * <p>An operation with unknown outcome returns after everything else; linearizing it at the end
 * has no observable effect, so "it may never have happened" needs no branch of its own. Pending
 * reads are dropped before the search: they neither change nor constrain anything.
 */
final class Search {
    /** How often (in loop iterations) the clock is read. */
    private static final int CLOCK_EVERY = 4096;

    private Search() {
    }

    /** The outcome for one object; {@code reason} says why the budget ran out. */
    record Outcome(Verdict verdict, String reason) {
    }

    static Outcome run(List<Operation> history, String initial, Budget.Meter meter) {
        List<Operation> ops = new ArrayList<>(history.size());
        for (Operation o : history) {
            if (!(o.pending() && o.kind() == Operation.Kind.READ)) {
                ops.add(o);
            }
        }
        int n = ops.size();
        if (n == 0) {
            return new Outcome(Verdict.OK, null);
        }
        // Entries 0..2n-1 (call of op i = 2i, return = 2i+1) in a doubly linked list from head = 2n.
        Integer[] order = new Integer[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong((Integer e) -> time(ops, e)).thenComparingInt(e -> e & 1));
        int head = 2 * n;
        int[] next = new int[2 * n + 1];
        int[] prev = new int[2 * n + 1];
        int last = head;
        for (Integer e : order) {
            next[last] = e;
            prev[e] = last;
            last = e;
        }
        next[last] = -1;

        long[] salt = new long[n];
        long seed = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < n; i++) {
            seed += 0x9E3779B97F4A7C15L;
            salt[i] = mix(seed);
        }
        long[] bits = new long[(n + 63) >>> 6];
        long bitsHash = 0;
        Set<Key> cache = new HashSet<>();
        int[] stackOp = new int[n];
        String[] stackState = new String[n];
        int depth = 0;
        String state = initial;
        int entry = next[head];
        long iterations = 0;
        while (next[head] != -1) {
            if (++iterations % CLOCK_EVERY == 0 && !meter.inTime()) {
                return new Outcome(Verdict.UNKNOWN, meter.exhausted());
            }
            if ((entry & 1) == 0) {
                int op = entry >>> 1;
                String after = Model.step(state, ops.get(op));
                boolean fresh = false;
                if (after != Model.ILLEGAL) {
                    bits[op >>> 6] |= 1L << op;
                    long h = bitsHash ^ salt[op];
                    Key probe = new Key(bits, after, h);
                    if (!cache.contains(probe)) {
                        cache.add(new Key(bits.clone(), after, h));
                        if (!meter.visit()) {
                            return new Outcome(Verdict.UNKNOWN, meter.exhausted());
                        }
                        fresh = true;
                        bitsHash = h;
                    } else {
                        bits[op >>> 6] &= ~(1L << op);
                    }
                }
                if (fresh) {
                    stackOp[depth] = op;
                    stackState[depth++] = state;
                    state = after;
                    lift(entry, next, prev);
                    entry = next[head];
                } else {
                    entry = next[entry];
                }
            } else {
                if (depth == 0) {
                    return new Outcome(Verdict.ILLEGAL, null);
                }
                int op = stackOp[--depth];
                state = stackState[depth];
                stackState[depth] = null;
                bits[op >>> 6] &= ~(1L << op);
                bitsHash ^= salt[op];
                int call = 2 * op;
                unlift(call, next, prev);
                entry = next[call];
            }
        }
        return new Outcome(Verdict.OK, null);
    }

    private static long time(List<Operation> ops, int entry) {
        Operation o = ops.get(entry >>> 1);
        return (entry & 1) == 0 ? o.invoke() : o.complete();
    }

    /** Takes a call and its return out of the list. */
    private static void lift(int call, int[] next, int[] prev) {
        unlink(call, next, prev);
        unlink(call + 1, next, prev);
    }

    private static void unlink(int e, int[] next, int[] prev) {
        next[prev[e]] = next[e];
        if (next[e] != -1) {
            prev[next[e]] = prev[e];
        }
    }

    /** Puts them back where they were (the exact reverse of {@link #lift}). */
    private static void unlift(int call, int[] next, int[] prev) {
        relink(call + 1, next, prev);
        relink(call, next, prev);
    }

    private static void relink(int e, int[] next, int[] prev) {
        next[prev[e]] = e;
        if (next[e] != -1) {
            prev[next[e]] = e;
        }
    }

    /** SplitMix64's finalizer: the bitset's hash is the XOR of its members' mixed numbers. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A visited configuration: which operations are linearized, and the model state after them. */
    private static final class Key {
        private final long[] bits;
        private final String state;
        private final int hash;

        Key(long[] bits, String state, long bitsHash) {
            this.bits = bits;
            this.state = state;
            this.hash = Long.hashCode(bitsHash) * 31 + (state == null ? 0 : state.hashCode());
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Model.same(k.state, state) && Arrays.equals(k.bits, bits);
        }
    }
}
