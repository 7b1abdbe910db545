package dev.conform.algorithms.crdt;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The spec-relevant state a replica records with each trace action, and also what it persists.
 *
 * @param crdt    the replica's CRDT value
 * @param clock   its HLC (in physical mode: the last physical reading used)
 * @param seen    per replica, the client updates included in {@code crdt}
 * @param updates client updates this replica has applied itself
 * @param write   for last-writer-wins updates, the write just made; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicaSnapshot(Crdt<?> crdt, Timestamp clock, SortedMap<Integer, Long> seen, long updates,
                              WriteRecord write) {
    public ReplicaSnapshot {
        seen = new TreeMap<>(seen);
    }
}
