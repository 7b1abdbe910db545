package dev.conform.algorithms.erasure.store;

/**
 * A shard a storage node holds: its bytes in hex and the length of the value it encodes.
 *
 * @param data   the shard's bytes, lowercase hex
 * @param length the encoded value's length in bytes
 */
public record StoredShard(String data, int length) {
}
