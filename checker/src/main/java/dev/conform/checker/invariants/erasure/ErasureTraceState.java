package dev.conform.checker.invariants.erasure;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The global state of an {@code erasure} run as the Java invariants see it: the coordinator's
 * last recorded metadata, every storage node's shards (as recorded, emptied by a wipe), the value
 * and the shards each write sent per (key, version), what each read must return at least, and the
 * wipes so far. The folder finds each violation at the step that makes it and keeps the first
 * description per invariant; the predicates read those, except {@code Durable}, judged on the
 * state itself.
 */
public final class ErasureTraceState {
    /** A shard as a storage node holds it. */
    record Held(String data, long length) {
    }

    /** A read in flight: its key and the newest version acknowledged before it started. */
    record ReadStart(String key, long ackedBefore) {
    }

    final int k;
    final int writeQuorum;
    final int coordinator;
    /** Storage node id -> its shard index (position in the sorted storage list). */
    final Map<Integer, Integer> storageIndex = new LinkedHashMap<>();

    /** The coordinator's recorded metadata. */
    Map<String, Long> nextVersion = new TreeMap<>();
    Map<String, Long> committed = new TreeMap<>();
    Map<String, Long> sessions = new TreeMap<>();
    /** The coordinator's pending writes (key -> versions), each client's pending write and each write's client:seq. */
    final Map<String, java.util.TreeSet<Long>> pending = new TreeMap<>();
    final Map<String, String> clientWrite = new HashMap<>();
    final Map<String, String> writer = new HashMap<>();
    /** Each storage node's shards: key -> version -> shard; its committed versions. */
    final Map<Integer, Map<String, TreeMap<Long, Held>>> shards = new HashMap<>();
    final Map<Integer, Map<String, Long>> storageCommitted = new HashMap<>();

    /** "key/version" -> the value that write put. */
    final Map<String, String> writtenValue = new HashMap<>();
    /** "key/version/index" -> the shard data that write sent to that index. */
    final Map<String, String> writtenShard = new HashMap<>();
    /** "key/version" -> the shard indices whose StoreAck the coordinator handled (this incarnation). */
    final Map<String, Set<Integer>> acks = new HashMap<>();
    /** key -> the highest acknowledged version. */
    final Map<String, Long> acked = new HashMap<>();
    /** "clientId:seq" -> the read's start. */
    final Map<String, ReadStart> reads = new HashMap<>();

    /** Per node: the last action since its last delivery, timer or restart (null: none), and its "used". */
    final Map<Integer, String> lastAction = new HashMap<>();
    final Map<Integer, List<long[]>> lastUsed = new HashMap<>();
    /** Per node: the message delivered last (its handler's input). */
    final Map<Integer, Map<String, Object>> delivered = new HashMap<>();
    /** The (key, version) of the write the coordinator's last StartWrite began. */
    String startedWrite;
    /** Storage nodes wiped and not restarted yet, and the number of wipes so far. */
    final Set<Integer> wiped = new HashSet<>();
    int wipes;
    /** The run's option diskLoss: without it no disk may be lost. */
    boolean diskLoss;

    final Map<String, String> violations = new LinkedHashMap<>();
    boolean readCompleted;
    boolean shardRepaired;

    ErasureTraceState(int k, int writeQuorum, int coordinator, List<Integer> storage) {
        this.k = k;
        this.writeQuorum = writeQuorum;
        this.coordinator = coordinator;
        List<Integer> sorted = storage.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            storageIndex.put(sorted.get(i), i);
            shards.put(sorted.get(i), new TreeMap<>());
            storageCommitted.put(sorted.get(i), new TreeMap<>());
        }
    }

    static String kv(String key, long version) {
        return key + "/" + version;
    }

    void violate(String invariant, String description) {
        violations.putIfAbsent(invariant, description);
    }

    /** The storage nodes holding a shard of (key, version). */
    Set<Integer> holders(String key, long version) {
        Set<Integer> out = new java.util.TreeSet<>();
        shards.forEach((node, byKey) -> {
            TreeMap<Long, Held> byVersion = byKey.get(key);
            if (byVersion != null && byVersion.containsKey(version)) {
                out.add(node);
            }
        });
        return out;
    }

    boolean readLatest() {
        return !violations.containsKey("ReadLatest");
    }

    boolean noMixedRead() {
        return !violations.containsKey("NoMixedRead");
    }

    boolean repairExact() {
        return !violations.containsKey("RepairExact");
    }

    /** While at most W - k disks were lost, every committed version has k holders or more. */
    boolean durable() {
        if (wipes > writeQuorum - k) {
            return true;
        }
        for (Map.Entry<String, Long> c : committed.entrySet()) {
            if (c.getValue() > 0 && holders(c.getKey(), c.getValue()).size() < k) {
                return false;
            }
        }
        return true;
    }

    String durableProblem() {
        for (Map.Entry<String, Long> c : committed.entrySet()) {
            Set<Integer> h = holders(c.getKey(), c.getValue());
            if (c.getValue() > 0 && h.size() < k) {
                return "key " + c.getKey() + "'s committed version " + c.getValue() + " is held by " + h.size()
                        + " storage node(s) " + h + ", fewer than k = " + k + ", after " + wipes + " disk loss(es)"
                        + " (at most W - k = " + (writeQuorum - k) + " are survivable)";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        String d = durable() ? null : durableProblem();
        if (violations.isEmpty() && d == null) {
            return "no violation; committed " + committed;
        }
        StringBuilder b = new StringBuilder(String.join("; ", violations.values()));
        if (d != null) {
            b.append(b.length() == 0 ? "" : "; ").append(d);
        }
        return b.toString();
    }
}
