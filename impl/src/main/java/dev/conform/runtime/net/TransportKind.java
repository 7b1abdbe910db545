package dev.conform.runtime.net;

import java.util.Locale;

/**
 * Which real transport carries a cluster's frames. Recorded in every real-network trace header as
 * {@code params.transport}, because what a validator may allow depends on it: TCP and a QUIC
 * stream neither duplicate nor reorder within a connection, UDP loses, duplicates and reorders.
 */
public enum TransportKind {
    /** Netty TCP, one connection per directed link (see {@link NettyTransport}). */
    TCP,
    /** Netty datagrams, one datagram per frame. */
    UDP,
    /** Netty QUIC over UDP, TLS 1.3. */
    QUIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the transport itself may deliver one sent frame more than once. */
    public boolean duplicates() {
        return this == UDP;
    }

    /** Parses {@code tcp}, {@code udp} or {@code quic}; throws with the accepted names otherwise. */
    public static TransportKind fromWire(String s) {
        for (TransportKind k : values()) {
            if (k.wireName().equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown transport '" + s + "' (tcp, udp or quic)");
    }
}
