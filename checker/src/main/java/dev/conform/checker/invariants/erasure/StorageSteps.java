package dev.conform.checker.invariants.erasure;

import dev.conform.checker.invariants.FoldException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The storage node's steps of specs/erasure, exactly: HandleFetch changes nothing; HandleStore
 * keeps the delivered shard when it is the node's index and not below its committed version of
 * the key (else nothing changes); HandleCommit raises the key's committed version and drops the
 * older versions of that key. Any other recorded state is a step the spec does not allow, so a
 * lie in a storage node's state (a shard that reappears, one that vanishes) rejects the trace.
 */
final class StorageSteps {
    private StorageSteps() {
    }

    static void check(ErasureTraceState s, int n, String action, Map<String, Object> in,
                      Map<String, TreeMap<Long, ErasureTraceState.Held>> shards, Map<String, Long> committed) {
        Map<String, TreeMap<Long, ErasureTraceState.Held>> want = copy(s.shards.get(n));
        Map<String, Long> wantCommitted = new TreeMap<>(s.storageCommitted.get(n));
        switch (action) {
            case "HandleFetch" -> { }
            case "HandleStore" -> {
                String key = Recorded.text(in, "key");
                long v = Recorded.number(in, "version");
                if (Recorded.number(in, "index") == s.storageIndex.get(n) && v >= wantCommitted.getOrDefault(key, 0L)) {
                    want.computeIfAbsent(key, x -> new TreeMap<>())
                            .put(v, new ErasureTraceState.Held(Recorded.text(in, "data"), Recorded.number(in, "length")));
                }
            }
            case "HandleCommit" -> {
                String key = Recorded.text(in, "key");
                long c = Math.max(wantCommitted.getOrDefault(key, 0L), Recorded.number(in, "version"));
                wantCommitted.put(key, c);
                TreeMap<Long, ErasureTraceState.Held> byVersion = want.get(key);
                if (byVersion != null) {
                    byVersion.headMap(c).clear();
                    if (byVersion.isEmpty()) {
                        want.remove(key);
                    }
                }
            }
            default -> throw new FoldException("storage node " + n + " takes action " + action
                    + ", which is not a storage action (HandleStore, HandleFetch, HandleCommit)");
        }
        if (!want.equals(shards) || !wantCommitted.equals(committed)) {
            throw new FoldException(action + " at storage node " + n + " records shards " + shards + " and committed "
                    + committed + "; the step gives " + want + " and " + wantCommitted);
        }
    }

    /** A HandleStore that kept the delivered shard although its version is below the node's committed one. */
    static boolean keptBelowCommitted(ErasureTraceState s, int n, Map<String, Object> in,
                                      Map<String, TreeMap<Long, ErasureTraceState.Held>> shards) {
        String key = Recorded.text(in, "key");
        long v = Recorded.number(in, "version");
        long committed = s.storageCommitted.get(n).getOrDefault(key, 0L);
        TreeMap<Long, ErasureTraceState.Held> was = s.shards.get(n).get(key);
        TreeMap<Long, ErasureTraceState.Held> now = shards.get(key);
        boolean kept = v < committed && now != null && now.containsKey(v) && (was == null || !was.containsKey(v));
        if (kept) {
            s.violate("RepairExact", "storage node " + n + " stores version " + v + " of key " + key
                    + " over its committed version " + committed);
        }
        return kept;
    }

    private static Map<String, TreeMap<Long, ErasureTraceState.Held>> copy(
            Map<String, TreeMap<Long, ErasureTraceState.Held>> m) {
        Map<String, TreeMap<Long, ErasureTraceState.Held>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, new TreeMap<>(v)));
        return out;
    }
}
