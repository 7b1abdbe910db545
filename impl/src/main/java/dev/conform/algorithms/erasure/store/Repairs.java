package dev.conform.algorithms.erasure.store;

import dev.conform.algorithms.erasure.Shard;
import dev.conform.runtime.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Background repair: every {@code repairEvery} ticks StartRepair asks every storage node for its
 * shard of each key's committed version; once k shards of that version are in and some node
 * answered that it holds none, RepairShard decodes, re-encodes and stores the missing shards on
 * those nodes. Reed-Solomon is deterministic, so a rebuilt shard is byte-identical to the one the
 * write sent; a node that meanwhile committed a newer version refuses the older shard.
 *
 * <p>With the flaw {@code repair-mixed-versions} repair pools every shard it gets for a key,
 * whatever its version, and decodes from the first k of one shard length: shards of different
 * versions then decode to garbage that is stored as the committed version.
 */
final class Repairs {
    /** The repair round of one key: the version repaired, who answered "none" since its last RepairShard. */
    private record Round(long version, Set<Integer> none) {
    }

    /** A shard in the flawed pool, with the version it really has. */
    private record Pooled(long version, StoredShard shard) {
    }

    private final Coordinator c;
    private final Map<String, Round> rounds = new TreeMap<>();
    /** Flaw repair-mixed-versions only: key -> index -> the first shard got for it, any version. */
    private final Map<String, Map<Integer, Pooled>> pool = new TreeMap<>();

    Repairs(Coordinator c) {
        this.c = c;
    }

    private boolean flawed() {
        return c.config.has(ErasureFlaw.REPAIR_MIXED_VERSIONS);
    }

    /** StartRepair: a new round for every key with a committed version. */
    void start(Context<ErasureMessage> ctx) {
        Map<String, Long> was = new TreeMap<>();
        rounds.forEach((k, r) -> was.put(k, r.version()));
        rounds.clear();
        was.forEach(c::forgetUnlessWanted);
        if (c.committed.isEmpty()) {
            return;
        }
        c.committed.forEach((key, v) -> rounds.put(key, new Round(v, new TreeSet<>())));
        c.record(ctx, "StartRepair");
        rounds.forEach((key, r) -> {
            for (int s : c.storage) {
                ctx.send(s, new ErasureMessage.Fetch(key, r.version(), ErasureMessage.REPAIR));
            }
        });
    }

    boolean wants(String key, long version) {
        Round r = rounds.get(key);
        return r != null && r.version() == version;
    }

    /** Notes a "none" answer for the version being repaired (and pools the shard when flawed). */
    void noteReply(ErasureMessage.ShardReply s) {
        Round r = rounds.get(s.key());
        if (r != null && r.version() == s.version() && s.none()) {
            r.none().add(s.index());
        }
        if (flawed() && !s.none()) {
            pool.computeIfAbsent(s.key(), x -> new LinkedHashMap<>())
                    .putIfAbsent(s.index(), new Pooled(s.version(), new StoredShard(s.data(), s.length())));
        }
    }

    /**
     * RepairShard when k shards are in and some node answered "none" since the last RepairShard of
     * this round: each such node is sent its rebuilt shard once per answer.
     */
    void tryRepair(Context<ErasureMessage> ctx, String key) {
        Round r = rounds.get(key);
        if (r == null) {
            return;
        }
        Set<Integer> missing = new TreeSet<>(r.none());
        if (missing.isEmpty()) {
            return;
        }
        List<Integer> indices = new ArrayList<>();
        List<StoredShard> shards = new ArrayList<>();
        List<List<Long>> used = new ArrayList<>();
        if (flawed()) {
            Map<Integer, Pooled> p = pool.getOrDefault(key, Map.of());
            int bytes = -1;
            for (Map.Entry<Integer, Pooled> e : p.entrySet()) {
                int len = e.getValue().shard().data().length();
                if (indices.size() < c.config.k() && (bytes < 0 || len == bytes)) {
                    bytes = len;
                    indices.add(e.getKey());
                    shards.add(e.getValue().shard());
                    used.add(List.of((long) e.getKey(), e.getValue().version()));
                }
            }
        } else {
            for (Map.Entry<Integer, StoredShard> e : c.gathered(key, r.version()).entrySet()) {
                if (indices.size() < c.config.k()) {
                    indices.add(e.getKey());
                    shards.add(e.getValue());
                    used.add(List.of((long) e.getKey(), r.version()));
                }
            }
        }
        if (indices.size() < c.config.k()) {
            return;
        }
        int length = shards.get(0).length();
        List<Shard> rebuilt = c.codec.encodeValue(c.decode(indices, shards, length));
        r.none().clear();
        if (flawed()) {
            pool.remove(key);
        }
        c.record(ctx, "RepairShard", used);
        for (int j : missing) {
            ctx.send(c.storage.get(j), new ErasureMessage.Store(key, r.version(), j, Hex.of(rebuilt.get(j).bytes()),
                    length));
        }
    }
}
