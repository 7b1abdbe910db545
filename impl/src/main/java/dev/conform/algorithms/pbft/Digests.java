package dev.conform.algorithms.pbft;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The short SHA-256 digests PBFT names requests and checkpoint states by. */
public final class Digests {
    /** The digest of the null request a new view fills a gap with. */
    public static final String NULL = "null";

    private Digests() {
    }

    /**
     * A request's digest: lowercase hex of the first 8 bytes of SHA-256 over the UTF-8 text
     * {@code clientId:seq:op} (Raft's request value).
     */
    public static String request(int clientId, long seq, String op) {
        return hex8(clientId + ":" + seq + ":" + op);
    }

    /** A state digest: the same short hash over the key-value store's snapshot text. */
    public static String state(String snapshot) {
        return hex8(snapshot == null ? "" : snapshot);
    }

    static String hex8(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JDK", e);
        }
    }
}
