package dev.conform.algorithms.erasure.store;

import dev.conform.algorithms.erasure.ReedSolomon;
import dev.conform.algorithms.erasure.Shard;
import dev.conform.algorithms.raft.kv.KvCommand;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The coordinator: orders writes by giving each key's versions out one at a time from its durable
 * metadata (as a Ceph primary orders the writes of its placement group), sends the k + m shards of
 * a write to the storage nodes and acknowledges it once W of them are durable; serves reads from k
 * shards of the committed version ({@link Reads}) and repairs lost shards ({@link Repairs}).
 * Pending writes, reads and repairs are volatile: a crash loses them and clients retry.
 */
final class Coordinator implements Node<ErasureMessage> {
    static final String REPAIR_TIMER = "repair";

    /** A write in flight: whose, and which storage nodes (shard indices) acknowledged it. */
    private record PendingWrite(int clientId, long seq, Set<Integer> acks) {
    }

    final ErasureConfig config;
    final ReedSolomon codec;
    /** Storage node ids; position i holds shard index i. */
    final List<Integer> storage;
    private final Map<String, Long> nextVersion = new TreeMap<>();
    final Map<String, Long> committed = new TreeMap<>();
    private final Map<Integer, Long> sessions = new TreeMap<>();
    /** key -> version -> pending write. */
    private final Map<String, TreeMap<Long, PendingWrite>> pending = new TreeMap<>();
    /** client -> [key, version] of its pending write (at most one: a retry supersedes it). */
    private final Map<Integer, Map.Entry<String, Long>> clientWrite = new HashMap<>();
    /** Shards fetched, by key and version: shared by the reads and the repair of that version. */
    final Map<String, TreeMap<Long, TreeMap<Integer, StoredShard>>> gathered = new TreeMap<>();
    final Reads reads;
    final Repairs repairs;

    Coordinator(ErasureConfig config, List<Integer> storage, CoordinatorDurable persisted) {
        this.config = config;
        this.codec = ReedSolomon.create(config.k(), config.m());
        this.storage = List.copyOf(storage);
        if (persisted != null) {
            nextVersion.putAll(persisted.nextVersion());
            committed.putAll(persisted.committed());
            sessions.putAll(persisted.sessions());
        }
        this.reads = new Reads(this);
        this.repairs = new Repairs(this);
    }

    @Override
    public void onStart(Context<ErasureMessage> ctx) {
        if (config.repairEvery() > 0) {
            ctx.setTimer(REPAIR_TIMER, config.repairEvery(), config.repairEvery());
        }
    }

    @Override
    public void onMessage(Context<ErasureMessage> ctx, int from, ErasureMessage msg) {
        if (msg instanceof ErasureMessage.ClientRequest r) {
            clientRequest(ctx, r);
        } else if (msg instanceof ErasureMessage.StoreAck a) {
            handleStoreAck(ctx, a);
        } else if (msg instanceof ErasureMessage.ShardReply s) {
            handleShard(ctx, s);
        }
        // Anything else sent to the coordinator is misdirected: nothing to do.
    }

    @Override
    public void onTimer(Context<ErasureMessage> ctx, String timer) {
        if (REPAIR_TIMER.equals(timer)) {
            repairs.start(ctx);
            ctx.setTimer(REPAIR_TIMER, config.repairEvery(), config.repairEvery());
        }
    }

    private void clientRequest(Context<ErasureMessage> ctx, ErasureMessage.ClientRequest r) {
        KvCommand c = KvCommand.parse(r.op());
        switch (c.kind()) {
            case PUT -> {
                if (r.seq() <= sessions.getOrDefault(r.clientId(), 0L)) {
                    record(ctx, "AnswerFromSession");
                    ctx.send(r.clientId(), new ErasureMessage.ClientReply(r.seq(), true, null, 0));
                } else {
                    startWrite(ctx, r, c);
                }
            }
            case GET -> reads.start(ctx, r, c.key());
            default -> throw new IllegalArgumentException("the erasure-coded store offers put and get only, not '"
                    + r.op() + "' (configure the workload so)");
        }
    }

    /** StartWrite: the key's next version, made durable before its shards leave. */
    private void startWrite(Context<ErasureMessage> ctx, ErasureMessage.ClientRequest r, KvCommand c) {
        Map.Entry<String, Long> previous = clientWrite.remove(r.clientId());
        if (previous != null) {
            TreeMap<Long, PendingWrite> p = pending.get(previous.getKey());
            p.remove(previous.getValue());
            if (p.isEmpty()) {
                pending.remove(previous.getKey());
            }
        }
        String key = c.key();
        long v = nextVersion.getOrDefault(key, 1L);
        nextVersion.put(key, v + 1);
        ctx.persist(durable());
        pending.computeIfAbsent(key, x -> new TreeMap<>()).put(v, new PendingWrite(r.clientId(), r.seq(), new TreeSet<>()));
        clientWrite.put(r.clientId(), Map.entry(key, v));
        byte[] value = c.value().getBytes(StandardCharsets.UTF_8);
        List<Shard> shards = codec.encodeValue(value);
        record(ctx, "StartWrite");
        for (Shard s : shards) {
            ctx.send(storage.get(s.index()), new ErasureMessage.Store(key, v, s.index(), Hex.of(s.bytes()), value.length));
        }
    }

    /** HandleStoreAck, then AckWrite when the write reaches its quorum of durable shards. */
    private void handleStoreAck(Context<ErasureMessage> ctx, ErasureMessage.StoreAck a) {
        TreeMap<Long, PendingWrite> forKey = pending.get(a.key());
        PendingWrite w = forKey == null ? null : forKey.get(a.version());
        if (w != null) {
            w.acks().add(a.index());
        }
        record(ctx, "HandleStoreAck");
        if (w == null || w.acks().size() < config.acksNeeded()) {
            return;
        }
        forKey.remove(a.version());
        if (forKey.isEmpty()) {
            pending.remove(a.key());
        }
        clientWrite.remove(w.clientId());
        long c = Math.max(committed.getOrDefault(a.key(), 0L), a.version());
        committed.put(a.key(), c);
        sessions.merge(w.clientId(), w.seq(), Math::max);
        ctx.persist(durable());
        record(ctx, "AckWrite");
        ctx.send(w.clientId(), new ErasureMessage.ClientReply(w.seq(), true, null, 0));
        for (int s : storage) {
            ctx.send(s, new ErasureMessage.Commit(a.key(), c));
        }
    }

    /**
     * HandleShard: keeps a shard a read or the repair of exactly its (key, version) waits for, then
     * completes the reads and the repair that now have k shards of one version.
     */
    private void handleShard(Context<ErasureMessage> ctx, ErasureMessage.ShardReply r) {
        boolean wanted = reads.waiting(r.key(), r.version()) || repairs.wants(r.key(), r.version());
        if (wanted && !r.none()) {
            gathered.computeIfAbsent(r.key(), x -> new TreeMap<>()).computeIfAbsent(r.version(), x -> new TreeMap<>())
                    .putIfAbsent(r.index(), new StoredShard(r.data(), r.length()));
        }
        repairs.noteReply(r);
        record(ctx, "HandleShard");
        reads.complete(ctx, r.key(), r.version());
        repairs.tryRepair(ctx, r.key());
        forgetUnlessWanted(r.key(), r.version());
    }

    /** The shards gathered for (key, version), by index (empty when none). */
    TreeMap<Integer, StoredShard> gathered(String key, long version) {
        TreeMap<Long, TreeMap<Integer, StoredShard>> byVersion = gathered.get(key);
        TreeMap<Integer, StoredShard> g = byVersion == null ? null : byVersion.get(version);
        return g == null ? new TreeMap<>() : g;
    }

    /** Drops the shards of (key, version) once no read and no repair waits for them. */
    void forgetUnlessWanted(String key, long version) {
        TreeMap<Long, TreeMap<Integer, StoredShard>> byVersion = gathered.get(key);
        if (byVersion != null && !reads.waiting(key, version) && !repairs.wants(key, version)) {
            byVersion.remove(version);
            if (byVersion.isEmpty()) {
                gathered.remove(key);
            }
        }
    }

    /** The value k shards of one stripe encode, each of {@code length}-byte value. */
    byte[] decode(List<Integer> indices, List<StoredShard> shards, int length) {
        List<Shard> in = new ArrayList<>(shards.size());
        for (int i = 0; i < shards.size(); i++) {
            in.add(new Shard(indices.get(i), Hex.bytes(shards.get(i).data())));
        }
        return codec.decodeValue(in, length);
    }

    CoordinatorDurable durable() {
        return new CoordinatorDurable(nextVersion, committed, sessions);
    }

    /** Records the spec action with the coordinator's state after it. */
    void record(Context<ErasureMessage> ctx, String action) {
        record(ctx, action, null);
    }

    /** As {@link #record(Context, String)}, with the [index, version] pairs a decode used. */
    void record(Context<ErasureMessage> ctx, String action, List<List<Long>> used) {
        if (!ctx.tracing()) {
            return;
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("nextVersion", new TreeMap<>(nextVersion));
        s.put("committed", new TreeMap<>(committed));
        Map<String, Long> byClient = new TreeMap<>(); // JSON object keys are strings, in memory too
        sessions.forEach((client, seq) -> byClient.put(Integer.toString(client), seq));
        s.put("sessions", byClient);
        Map<String, List<Long>> p = new TreeMap<>();
        pending.forEach((k, byVersion) -> p.put(k, new ArrayList<>(byVersion.keySet())));
        s.put("pending", p);
        if (used != null) {
            s.put("used", used);
        }
        ctx.action(action, s);
    }
}
