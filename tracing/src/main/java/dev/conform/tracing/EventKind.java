package dev.conform.tracing;

import java.util.Locale;

/**
 * What an event records. The runtime records every kind except {@link #ACTION}, which an
 * algorithm records at the exact state transition named after a spec action.
 */
public enum EventKind {
    /** A node handed a message to the network. */
    SEND,
    /** The network delivered a message to its destination node. */
    DELIVER,
    /** The network lost a message (fault plan, partition, or a crashed destination). */
    DROP,
    /** The network duplicated a message; the copy is delivered later like any other. */
    DUPLICATE,
    /** A node's timer fired. */
    TIMER,
    /** A node crashed: its volatile state is gone. */
    CRASH,
    /** A crashed node restarted from its persisted state. */
    RESTART,
    /** A spec action taken by a node, with the spec-relevant state after it. */
    ACTION,
    /** The fault plan changed the network (partition, heal, skew); recorded for readers. */
    FAULT;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return wire;
    }

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** Parses a wire name, or returns null when it is not a known kind. */
    public static EventKind fromWire(String s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "send" -> SEND;
            case "deliver" -> DELIVER;
            case "drop" -> DROP;
            case "duplicate" -> DUPLICATE;
            case "timer" -> TIMER;
            case "crash" -> CRASH;
            case "restart" -> RESTART;
            case "action" -> ACTION;
            case "fault" -> FAULT;
            default -> null;
        };
    }
}
