package dev.conform.runtime.net;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;

/**
 * One UDP datagram of conform: {@code version(1) from(4) to(4) frame-JSON tag(32)}, where the
 * tag is HMAC-SHA256 over everything before it with the key of the pair (from, to)
 * ({@link PairKeys}). Without keys (in-process tests only) the tag is left out. The sender and
 * destination are outside the JSON so a receiver picks the key before it parses anything.
 */
public final class UdpDatagram {
    /** The largest UDP payload over IPv4: 65,535 minus the 8-byte UDP and 20-byte IP headers. */
    public static final int MAX_DATAGRAM = 65_507;
    static final int HEADER = 9;
    static final int TAG = 32;
    /** The largest frame (its JSON bytes) that fits in one datagram with header and tag. */
    public static final int MAX_FRAME = MAX_DATAGRAM - HEADER - TAG;
    private static final byte VERSION = 1;

    /** An accepted datagram: its sender, destination and frame bytes. */
    public record Opened(int from, int to, byte[] frame) {
    }

    /** Why a datagram was refused (the receiver logs it and counts it). */
    public static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    private UdpDatagram() {
    }

    /** The datagram carrying {@code frame} from {@code from} to {@code to}, tagged with {@code mac} (null: untagged). */
    public static byte[] seal(int from, int to, byte[] frame, Mac mac) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + frame.length + (mac == null ? 0 : TAG));
        b.put(VERSION).putInt(from).putInt(to).put(frame);
        if (mac != null) {
            mac.update(b.array(), 0, b.position());
            b.put(mac.doFinal());
        }
        return b.array();
    }

    /**
     * Checks a received datagram for node {@code self}: well formed, addressed to {@code self},
     * from a sender {@code keys} has a key for, with a tag that key produced (compared in
     * constant time). {@code keys} null accepts untagged datagrams from anyone (tests only).
     */
    public static Opened open(byte[] d, int self, PairKeys keys) throws Rejected {
        int tag = keys == null ? 0 : TAG;
        if (d.length < HEADER + tag || d[0] != VERSION) {
            throw new Rejected("malformed datagram (" + d.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(d);
        b.get();
        int from = b.getInt();
        int to = b.getInt();
        if (keys != null) {
            Mac mac = keys.macFor(from);
            if (mac == null) {
                throw new Rejected("unknown sender " + from);
            }
            mac.update(d, 0, d.length - TAG);
            if (!MessageDigest.isEqual(mac.doFinal(), Arrays.copyOfRange(d, d.length - TAG, d.length))) {
                throw new Rejected("authentication tag does not match (wrong key or altered datagram) from " + from);
            }
        }
        if (to != self) {
            throw new Rejected("datagram from " + from + " is addressed to node " + to);
        }
        return new Opened(from, to, Arrays.copyOfRange(d, HEADER, d.length - tag));
    }
}
