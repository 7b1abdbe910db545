package dev.conform.algorithms.erasure;

import java.util.Arrays;

/**
 * One shard of an encoded value: its position in the stripe and its bytes. Indices
 * {@code [0, k)} are the data shards (slices of the value), {@code [k, k+m)} the parity shards.
 * The index travels with the bytes because decoding must know which row of the coding matrix
 * produced each surviving shard.
 *
 * @param index position in the stripe, in [0, k+m)
 * @param bytes the shard's contents (not copied; do not modify after handing it over)
 */
public record Shard(int index, byte[] bytes) {
    public Shard {
        if (index < 0) {
            throw new IllegalArgumentException("negative shard index " + index);
        }
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("shard " + index + " has no bytes");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shard s && s.index == index && Arrays.equals(s.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Shard[" + index + ", " + bytes.length + " bytes]";
    }
}
