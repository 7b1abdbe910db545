package dev.conform.checker.mutate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conform.tracing.VectorClock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes sequence numbers and clocks of an edited trace the way a producer keeps them, with
 * the producers' own rule ({@link dev.conform.tracing.Clocks}): each event of a node ticks its
 * clocks; a deliver first takes the maximum with the clocks of the latest send of its message
 * id. Only the clocks an event already carries are rewritten, so a node without clocks (node 0's
 * faults) stays without. Sequence numbers, when present, become consecutive from the first event's.
 */
final class Clocks {
    private Clocks() {
    }

    private record Stamp(long lamport, VectorClock vc) {
    }

    static void recompute(List<ObjectNode> events) {
        dev.conform.tracing.Clocks clocks = new dev.conform.tracing.Clocks();
        Map<Long, Stamp> sends = new HashMap<>();
        long seq = events.isEmpty() || !events.get(0).has("seq") ? -1 : events.get(0).get("seq").asLong();
        for (ObjectNode e : events) {
            if (seq >= 0) {
                e.put("seq", seq++);
            } else {
                e.remove("seq");
            }
            int node = clocks.indexOrAdd(e.path("node").asInt());
            String kind = e.path("kind").asText();
            JsonNode msg = e.get("msg");
            Stamp sent = "deliver".equals(kind) && msg != null ? sends.get(msg.path("id").asLong()) : null;
            if (sent == null) {
                clocks.tick(node);
            } else {
                clocks.deliver(node, sent.lamport(), sent.vc());
            }
            long l = clocks.lamport(node);
            VectorClock vc = clocks.clock(node);
            if (e.has("lamport")) {
                e.put("lamport", l);
            }
            if (e.has("vc")) {
                ObjectNode o = e.putObject("vc");
                for (int k = 0; k < vc.size(); k++) {
                    o.put(Integer.toString(vc.nodeAt(k)), vc.countAt(k));
                }
            }
            if ("send".equals(kind) && msg != null) {
                sends.put(msg.path("id").asLong(), new Stamp(l, vc));
            }
        }
    }
}
