package dev.conform.algorithms.broadcast;

import dev.conform.algorithms.broadcast.BroadcastMessage.Data;
import java.util.Map;

/**
 * When a received value may be delivered, given how many values of each origin a node has
 * delivered. Both orders deliver an origin's values in sequence; causal order also waits until
 * everything the origin had delivered before broadcasting the value has been delivered here.
 */
public enum DeliveryOrder {
    /** {@code seq = delivered[origin] + 1}. */
    FIFO,
    /** FIFO, and {@code deps[q] <= delivered[q]} for every other node {@code q}. */
    CAUSAL;

    boolean deliverable(Data d, Map<Integer, Integer> delivered) {
        if (d.seq() != delivered.getOrDefault(d.origin(), 0) + 1) {
            return false;
        }
        if (this == FIFO) {
            return true;
        }
        for (Map.Entry<Integer, Integer> e : delivered.entrySet()) {
            int q = e.getKey();
            if (q != d.origin() && d.deps().getOrDefault(String.valueOf(q), 0) > e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
