package dev.conform.algorithms.erasure.store;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a storage node persists, and records with each of its actions: the shards it holds by key
 * and version (versions as decimal strings, as JSON object keys must be) and the highest version
 * of each key it was told is committed.
 */
public record StorageDurable(Map<String, Map<String, StoredShard>> shards, Map<String, Long> committed) {
    public StorageDurable {
        TreeMap<String, Map<String, StoredShard>> s = new TreeMap<>();
        if (shards != null) {
            shards.forEach((k, v) -> s.put(k, java.util.Collections.unmodifiableMap(new TreeMap<>(v))));
        }
        shards = java.util.Collections.unmodifiableMap(s);
        committed = committed == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(committed));
    }

    /** A fresh (or wiped) node's state: no shards, nothing committed. */
    public static StorageDurable empty() {
        return new StorageDurable(Map.of(), Map.of());
    }
}
