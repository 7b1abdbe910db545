package dev.conform.algorithms.erasure.store;

import java.util.HexFormat;

/** Shard bytes as they travel in messages and traces: lowercase hex. */
final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    static String of(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }
}
