package dev.conform.algorithms.broadcast;

/** Messages of reliable broadcast. */
public sealed interface BroadcastMessage {
    /** The {@code seq}-th value broadcast by {@code origin} (1-based), carried by origin or a relay. */
    record Data(int origin, int seq, String value) implements BroadcastMessage {
    }

    /** Acknowledges one {@link Data} to the node that sent it, ending its retransmission. */
    record Ack(int origin, int seq) implements BroadcastMessage {
    }
}
