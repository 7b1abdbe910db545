package dev.conform.algorithms.erasure.store;

import dev.conform.runtime.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinator's reads: StartRead fixes the version to read, the committed one, and fetches
 * its shards from every storage node; CompleteRead decodes from the first k shards of exactly
 * that version (never from shards of several versions, which would decode to garbage).
 */
final class Reads {
    /** A read in flight: whose, of which key, at which version. */
    private record Read(int clientId, long seq, String key, long version) {
    }

    private final Coordinator c;
    private final List<Read> waiting = new ArrayList<>();

    Reads(Coordinator c) {
        this.c = c;
    }

    /** StartRead: a key never acknowledged reads null at once; otherwise fetch the committed version. */
    void start(Context<ErasureMessage> ctx, ErasureMessage.ClientRequest r, String key) {
        waiting.removeIf(w -> w.clientId() == r.clientId()); // a retry replaces the client's earlier read
        long v = c.committed.getOrDefault(key, 0L);
        if (v == 0) {
            c.record(ctx, "StartRead");
            c.record(ctx, "CompleteRead", List.of());
            ctx.send(r.clientId(), new ErasureMessage.ClientReply(r.seq(), true, null, 0));
            return;
        }
        waiting.add(new Read(r.clientId(), r.seq(), key, v));
        c.record(ctx, "StartRead");
        for (int s : c.storage) {
            ctx.send(s, new ErasureMessage.Fetch(key, v, ErasureMessage.READ));
        }
    }

    boolean waiting(String key, long version) {
        for (Read w : waiting) {
            if (w.key().equals(key) && w.version() == version) {
                return true;
            }
        }
        return false;
    }

    /** CompleteRead for every read of (key, version), once k shards of that version are in. */
    void complete(Context<ErasureMessage> ctx, String key, long version) {
        TreeMap<Integer, StoredShard> g = c.gathered(key, version);
        if (g.size() < c.config.k()) {
            return;
        }
        List<Integer> indices = new ArrayList<>();
        List<StoredShard> shards = new ArrayList<>();
        List<List<Long>> used = new ArrayList<>();
        for (Map.Entry<Integer, StoredShard> e : g.entrySet()) {
            if (indices.size() == c.config.k()) {
                break;
            }
            indices.add(e.getKey());
            shards.add(e.getValue());
            used.add(List.of((long) e.getKey(), version));
        }
        String value = new String(c.decode(indices, shards, shards.get(0).length()), StandardCharsets.UTF_8);
        for (Iterator<Read> it = waiting.iterator(); it.hasNext(); ) {
            Read w = it.next();
            if (w.key().equals(key) && w.version() == version) {
                it.remove();
                c.record(ctx, "CompleteRead", used);
                ctx.send(w.clientId(), new ErasureMessage.ClientReply(w.seq(), true, value, 0));
            }
        }
    }
}
