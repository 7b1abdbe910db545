package dev.conform.checker.invariants.erasure;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.JsonObjects;
import dev.conform.tracing.TraceEvent;
import java.util.List;
import java.util.Map;

/**
 * Judges what the coordinator sends against the action that sends it: a write's Store shards are
 * remembered (the original shards of that version), a repair's Store shards must be those same
 * bytes (RepairExact) of the version it decoded (NoMixedRead), and a read's ClientReply must be
 * the value of the version it decoded, no older than the newest acknowledged before the read
 * started (ReadLatest).
 */
final class ErasureSends {
    private ErasureSends() {
    }

    static void coordinatorSend(ErasureTraceState s, TraceEvent e) {
        String action = s.lastAction.get(s.coordinator);
        Map<String, Object> b = JsonObjects.asMap(e.msg().body(), "a " + e.msg().type() + " body");
        switch (e.msg().type()) {
            case "Store" -> store(s, action, b);
            case "ClientReply" -> reply(s, action, e.msg().to(), b);
            default -> { }
        }
    }

    private static void store(ErasureTraceState s, String action, Map<String, Object> b) {
        String key = Recorded.text(b, "key");
        long v = Recorded.number(b, "version");
        long index = Recorded.number(b, "index");
        String data = Recorded.text(b, "data");
        String shard = ErasureTraceState.kv(key, v) + "/" + index;
        if ("StartWrite".equals(action)) {
            if (!ErasureTraceState.kv(key, v).equals(s.startedWrite)) {
                throw new FoldException("StartWrite of " + s.startedWrite + " sends a Store of version " + v + " of key "
                        + key);
            }
            s.writtenShard.putIfAbsent(shard, data);
        } else if ("RepairShard".equals(action)) {
            s.shardRepaired = true;
            for (long[] u : s.lastUsed.getOrDefault(s.coordinator, List.of())) {
                if (u[1] != v) {
                    s.violate("NoMixedRead", "RepairShard stores version " + v + " of key " + key
                            + ", rebuilt from shard " + u[0] + " of version " + u[1]);
                }
            }
            String original = s.writtenShard.get(shard);
            if (original == null) {
                s.violate("RepairExact", "RepairShard stores shard " + index + " of version " + v + " of key " + key
                        + ", which no write sent");
            } else if (!original.equals(data)) {
                s.violate("RepairExact", "RepairShard stores shard " + index + " of version " + v + " of key " + key
                        + " as " + data + ", but the write sent " + original);
            }
        } else {
            throw new FoldException("the coordinator sends a Store after " + action
                    + " (only StartWrite and RepairShard store shards)");
        }
    }

    private static void reply(ErasureTraceState s, String action, int client, Map<String, Object> b) {
        long seq = Recorded.number(b, "seq");
        String id = client + ":" + seq;
        ErasureTraceState.ReadStart read = s.reads.get(id);
        if (!Boolean.TRUE.equals(b.get("ok"))) {
            throw new FoldException("the coordinator refuses client " + client + "'s command " + seq
                    + " (ok false): the store answers every command it completes with ok true");
        }
        if ("AckWrite".equals(action) || "AnswerFromSession".equals(action)) {
            Map<String, Object> in = s.delivered.getOrDefault(s.coordinator, Map.of());
            String answered = "AckWrite".equals(action)
                    ? s.writer.get(ErasureTraceState.kv(Recorded.text(in, "key"), Recorded.number(in, "version")))
                    : Recorded.number(in, "clientId") + ":" + Recorded.number(in, "seq");
            if (!id.equals(answered) || b.get("value") != null) {
                throw new FoldException(action + " answers " + id + " with value " + b.get("value")
                        + "; it answers the put " + answered + " with no value");
            }
            return;
        }
        if (read == null) {
            throw new FoldException("CompleteRead answers client " + client + "'s command " + b.get("seq")
                    + ", a read that never started");
        }
        s.reads.remove(id);
        List<long[]> used = s.lastUsed.getOrDefault(s.coordinator, List.of());
        long v = used.isEmpty() ? 0 : used.get(0)[1];
        Object value = b.get("value");
        String expected = v == 0 ? null : s.writtenValue.get(ErasureTraceState.kv(read.key(), v));
        if (v < read.ackedBefore()) {
            s.violate("ReadLatest", "client " + client + "'s read of " + read.key() + " returns version " + v
                    + ", older than version " + read.ackedBefore() + " acknowledged before the read started");
        } else if (v > 0 && expected == null) {
            s.violate("ReadLatest", "client " + client + "'s read of " + read.key() + " decodes version " + v
                    + ", which no write started");
        } else if (!java.util.Objects.equals(expected, value)) {
            s.violate("ReadLatest", "client " + client + "'s read of " + read.key() + " returns '" + value
                    + "', but version " + v + " holds '" + expected + "'");
        }
        if (v > 0) {
            s.readCompleted = true;
        }
    }
}
