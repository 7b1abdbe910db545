package dev.conform.algorithms.raft;

import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Safety of a Raft run, judged from its trace alone (the recorded action states), the way a
 * trace checker sees it: Election Safety (one BecomeLeader per term) and State Machine Safety
 * (no index committed with two different entries). Accepts the in-memory state maps and those
 * read back from NDJSON (numbers as Long or Integer).
 */
final class TraceSafety {
    final List<String> violations = new ArrayList<>();
    final Map<String, Integer> actionCounts = new HashMap<>();
    private final Map<Long, Integer> leaderOfTerm = new HashMap<>();
    private final Map<Long, Map<String, Object>> committed = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    /** The last recorded log of each node: an action records it only when it changed. */
    private final Map<Integer, List<Object>> lastLog = new HashMap<>();

    static TraceSafety of(List<TraceEvent> events) {
        TraceSafety s = new TraceSafety();
        for (TraceEvent e : events) {
            if (e.kind() == EventKind.ACTION) {
                s.action(e.node(), e.action(), e.state());
            }
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    void action(int node, String name, Object state) {
        actionCounts.merge(name, 1, Integer::sum);
        Map<String, Object> s = (Map<String, Object>) state;
        long term = num(s.get("currentTerm"));
        if (name.equals("BecomeLeader")) {
            Integer other = leaderOfTerm.putIfAbsent(term, node);
            if (other != null && other != node) {
                violations.add("ElectionSafety: leaders " + other + " and " + node + " in term " + term);
            }
        }
        long snap = num(s.get("snapshotIndex"));
        long commit = num(s.get("commitIndex"));
        List<Object> log = s.containsKey("log") ? (List<Object>) s.get("log") : lastLog.getOrDefault(node, List.of());
        lastLog.put(node, log);
        for (long i = snap + 1; i <= commit && i - snap <= log.size(); i++) {
            Map<String, Object> entry = (Map<String, Object>) log.get((int) (i - snap - 1));
            Map<String, Object> norm = Map.of("term", num(entry.get("term")), "value", entry.get("value"));
            Map<String, Object> before = committed.putIfAbsent(i, norm);
            if (before != null && !before.equals(norm) && reported.add(i + "/" + norm)) {
                violations.add("StateMachineSafety: index " + i + " committed as " + before
                        + " and as " + norm + " (node " + node + ")");
            }
        }
    }

    /** Committed log values by index, as observed in the recorded states. */
    Map<Long, String> committedValues() {
        Map<Long, String> out = new HashMap<>();
        committed.forEach((i, e) -> out.put(i, (String) e.get("value")));
        return out;
    }

    int count(String action) {
        return actionCounts.getOrDefault(action, 0);
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
