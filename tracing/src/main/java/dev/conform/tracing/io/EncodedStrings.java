package dev.conform.tracing.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;

/**
 * Strings that repeat on every event (state field names, action names, message types), kept
 * JSON-encoded so the writer copies bytes instead of escaping characters. Such strings are
 * usually the same instances (literals, enum names, cached class names), so a small table
 * compared by identity answers first; a map by content catches equal strings built anew. The
 * cache stops growing at {@link #MAX_ENTRIES}; longer or later strings are encoded each time.
 */
final class EncodedStrings {
    private static final int MAX_ENTRIES = 4096;
    private static final int MAX_LENGTH = 64;
    private static final int SLOTS = 256;

    private final byte suffix;
    private final String[] slotKeys = new String[SLOTS];
    private final byte[][] slotBytes = new byte[SLOTS][];
    private final HashMap<String, byte[]> byContent = new HashMap<>();

    /** @param suffix a byte written after the closing quote ({@code ':'} for names), or 0 for none */
    EncodedStrings(byte suffix) {
        this.suffix = suffix;
    }

    /** The quoted, escaped form of {@code s} (plus the suffix), or null when it is not cached. */
    byte[] get(String s) {
        int slot = System.identityHashCode(s) & (SLOTS - 1);
        if (slotKeys[slot] == s) {
            return slotBytes[slot];
        }
        byte[] b = byContent.get(s);
        if (b == null) {
            if (byContent.size() >= MAX_ENTRIES || s.length() > MAX_LENGTH) {
                return null;
            }
            b = encode(s);
            byContent.put(s, b);
        }
        slotKeys[slot] = s;
        slotBytes[slot] = b;
        return b;
    }

    private byte[] encode(String s) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length() + 3);
            JsonBytes j = new JsonBytes(bytes, 512);
            j.string(s);
            if (suffix != 0) {
                j.raw(suffix);
            }
            j.flushBuffer();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode into memory", e);
        }
    }
}
