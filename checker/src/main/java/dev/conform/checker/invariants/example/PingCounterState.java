package dev.conform.checker.invariants.example;

import java.util.ArrayDeque;
import java.util.Arrays;

/** Counters and channels of PingCounter, updated in place by {@link PingCounterFolder}. */
public final class PingCounterState {
    final long[] count;
    final ArrayDeque<long[]>[] chan; // per destination: {from, val}, oldest first
    boolean regressed;
    long delivered;

    @SuppressWarnings("unchecked")
    PingCounterState(int maxNode) {
        count = new long[maxNode + 1];
        chan = new ArrayDeque[maxNode + 1];
        for (int i = 0; i <= maxNode; i++) {
            chan[i] = new ArrayDeque<>();
        }
    }

    boolean notAhead() {
        for (ArrayDeque<long[]> c : chan) {
            for (long[] m : c) {
                if (m[1] > count[(int) m[0]]) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("count=").append(Arrays.toString(count)).append(" inFlight={");
        for (int i = 0; i < chan.length; i++) {
            if (!chan[i].isEmpty()) {
                sb.append(" to ").append(i).append(':');
                chan[i].forEach(m -> sb.append(" [from ").append(m[0]).append(" val ").append(m[1]).append(']'));
            }
        }
        return sb.append(" }").toString();
    }
}
