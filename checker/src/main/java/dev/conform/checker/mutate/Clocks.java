package dev.conform.checker.mutate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recomputes sequence numbers and clocks of an edited trace the way a producer keeps them
 * (docs/trace-format.md, "Emitting a trace"): each event of a node increments its Lamport clock
 * and its own vector-clock entry; a deliver first takes the maximum with the clocks of the
 * latest send of its message id. Only the clocks an event already carries are rewritten, so a
 * node without clocks (node 0's faults) stays without. Sequence numbers, when present, become
 * consecutive from the first event's.
 */
final class Clocks {
    private Clocks() {
    }

    private record Stamp(long lamport, TreeMap<Long, Long> vc) {
    }

    static void recompute(List<ObjectNode> events) {
        Map<Long, Long> lamport = new HashMap<>();
        Map<Long, TreeMap<Long, Long>> vcs = new HashMap<>();
        Map<Long, Stamp> sends = new HashMap<>();
        long seq = events.isEmpty() || !events.get(0).has("seq") ? -1 : events.get(0).get("seq").asLong();
        for (ObjectNode e : events) {
            if (seq >= 0) {
                e.put("seq", seq++);
            } else {
                e.remove("seq");
            }
            long node = e.path("node").asLong();
            String kind = e.path("kind").asText();
            JsonNode msg = e.get("msg");
            Stamp sent = "deliver".equals(kind) && msg != null ? sends.get(msg.path("id").asLong()) : null;
            long l = lamport.getOrDefault(node, 0L);
            l = (sent == null ? l : Math.max(l, sent.lamport())) + 1;
            lamport.put(node, l);
            TreeMap<Long, Long> vc = new TreeMap<>(vcs.getOrDefault(node, new TreeMap<>()));
            if (sent != null) {
                sent.vc().forEach((k, v) -> vc.merge(k, v, Math::max));
            }
            vc.merge(node, 1L, Long::sum);
            vcs.put(node, vc);
            if (e.has("lamport")) {
                e.put("lamport", l);
            }
            if (e.has("vc")) {
                ObjectNode o = e.putObject("vc");
                vc.forEach((k, v) -> o.put(Long.toString(k), v));
            }
            if ("send".equals(kind) && msg != null) {
                sends.put(msg.path("id").asLong(), new Stamp(l, vc));
            }
        }
    }
}
