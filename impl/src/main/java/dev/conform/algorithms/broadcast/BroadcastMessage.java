package dev.conform.algorithms.broadcast;

import java.util.Map;

/** Messages of reliable (FIFO or causal) broadcast. */
public sealed interface BroadcastMessage {
    /**
     * The {@code seq}-th value broadcast by {@code origin} (1-based), carried by origin or a relay.
     * {@code deps}: per node (id as a string, every server listed), how many of its values the
     * origin had delivered when it broadcast this one (its own entry is {@code seq - 1}); relays
     * keep the origin's deps. Causal delivery waits for them; FIFO delivery reads only the origin's.
     */
    record Data(int origin, int seq, String value, Map<String, Integer> deps) implements BroadcastMessage {
        public Data {
            deps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(deps));
        }
    }

    /** Acknowledges one {@link Data} to the node that sent it, ending its retransmission. */
    record Ack(int origin, int seq) implements BroadcastMessage {
    }
}
