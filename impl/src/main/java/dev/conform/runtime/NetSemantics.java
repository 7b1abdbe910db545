package dev.conform.runtime;

import java.util.Locale;

/**
 * What the network promises, chosen per run. Algorithms state which semantics they need; the
 * simulator and the TCP transport honour them.
 */
public enum NetSemantics {
    /**
     * TCP-like: each directed link delivers in FIFO order without loss or duplication while both
     * ends are up and connected. A partition or a crash breaks the connection, and what was in
     * flight on it is lost (recorded as drops). Per-link loss, duplication and reordering rates
     * of a fault plan do not apply; added delay does, without breaking FIFO order.
     */
    RELIABLE,
    /**
     * UDP-like: every message may be lost, duplicated or reordered (random delays, plus the
     * per-link rates of the fault plan).
     */
    UNRELIABLE;
    // Room is left for a QUIC-like STREAMS model (FIFO per (link, stream), independent streams);
    // adding it means one more constant and a stream key in the simulator's FIFO bookkeeping.

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code reliable} / {@code unreliable}; null when unknown. */
    public static NetSemantics fromWire(String s) {
        for (NetSemantics n : values()) {
            if (n.wireName().equalsIgnoreCase(s)) {
                return n;
            }
        }
        return null;
    }
}
