package dev.conform.algorithms.erasure.store;

import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import java.util.Map;
import java.util.TreeMap;

/**
 * A storage node: holds shard {@code index} of every version of every key it was sent, durably.
 * It acknowledges a Store only once the shard is persisted (the runtime persists a handler's state
 * before its messages leave), refuses versions older than what it knows is committed, answers a
 * Fetch with exactly the version asked for, and drops older versions once a newer one is committed.
 */
final class StorageNode implements Node<ErasureMessage> {
    private final int index;
    private final int coordinator;
    /** key -> version -> shard. */
    private final Map<String, TreeMap<Long, StoredShard>> shards = new TreeMap<>();
    private final Map<String, Long> committed = new TreeMap<>();

    /**
     * @param index       this node's shard index: its position in the sorted list of storage nodes
     * @param coordinator the coordinator's id
     * @param persisted   the state persisted before a crash, null for a fresh or wiped node
     */
    StorageNode(int index, int coordinator, StorageDurable persisted) {
        this.index = index;
        this.coordinator = coordinator;
        if (persisted != null) {
            persisted.shards().forEach((key, byVersion) -> byVersion.forEach((v, s) ->
                    shards.computeIfAbsent(key, x -> new TreeMap<>()).put(Long.parseLong(v), s)));
            committed.putAll(persisted.committed());
        }
    }

    @Override
    public void onStart(Context<ErasureMessage> ctx) {
    }

    @Override
    public void onMessage(Context<ErasureMessage> ctx, int from, ErasureMessage msg) {
        if (msg instanceof ErasureMessage.Store s) {
            handleStore(ctx, s);
        } else if (msg instanceof ErasureMessage.Fetch f) {
            handleFetch(ctx, f);
        } else if (msg instanceof ErasureMessage.Commit c) {
            handleCommit(ctx, c);
        }
        // Anything else sent to a storage node is misdirected: nothing to do.
    }

    @Override
    public void onTimer(Context<ErasureMessage> ctx, String timer) {
    }

    /** HandleStore: keep the shard durably and acknowledge; a version below the committed one is refused. */
    private void handleStore(Context<ErasureMessage> ctx, ErasureMessage.Store s) {
        boolean accept = s.index() == index && s.version() >= committed.getOrDefault(s.key(), 0L);
        if (accept) {
            shards.computeIfAbsent(s.key(), x -> new TreeMap<>()).put(s.version(), new StoredShard(s.data(), s.length()));
            ctx.persist(durable());
        }
        record(ctx, "HandleStore");
        if (accept) {
            ctx.send(coordinator, new ErasureMessage.StoreAck(s.key(), s.version(), index));
        }
    }

    /** HandleFetch: the shard of exactly (key, version), or "none". */
    private void handleFetch(Context<ErasureMessage> ctx, ErasureMessage.Fetch f) {
        TreeMap<Long, StoredShard> byVersion = shards.get(f.key());
        StoredShard s = byVersion == null ? null : byVersion.get(f.version());
        record(ctx, "HandleFetch");
        ctx.send(coordinator, s == null ? new ErasureMessage.ShardReply(f.key(), f.version(), index, "", -1)
                : new ErasureMessage.ShardReply(f.key(), f.version(), index, s.data(), s.length()));
    }

    /** HandleCommit: remember the committed version and drop the older ones of that key. */
    private void handleCommit(Context<ErasureMessage> ctx, ErasureMessage.Commit c) {
        long now = Math.max(committed.getOrDefault(c.key(), 0L), c.version());
        committed.put(c.key(), now);
        TreeMap<Long, StoredShard> byVersion = shards.get(c.key());
        if (byVersion != null) {
            byVersion.headMap(now).clear();
            if (byVersion.isEmpty()) {
                shards.remove(c.key());
            }
        }
        ctx.persist(durable());
        record(ctx, "HandleCommit");
    }

    StorageDurable durable() {
        Map<String, Map<String, StoredShard>> out = new TreeMap<>();
        shards.forEach((key, byVersion) -> {
            Map<String, StoredShard> m = new TreeMap<>();
            byVersion.forEach((v, s) -> m.put(Long.toString(v), s));
            out.put(key, m);
        });
        return new StorageDurable(out, committed);
    }

    private void record(Context<ErasureMessage> ctx, String action) {
        if (ctx.tracing()) {
            ctx.action(action, durable());
        }
    }
}
