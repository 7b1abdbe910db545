package dev.conform.checker.invariants.clocks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code clocks} history as the trace shows it: every recorded event (Local, Send, Receive)
 * with its recorded Lamport and vector time, and beside it its happens-before position computed
 * from the trace's own structure (program order per node, Send to the Receive of the same message
 * id), never from the recorded clocks. Updated in place by {@link ClocksFolder}.
 */
public final class ClocksTraceState {
    /** One recorded event. {@code hb} is its structural vector time: e -> f iff e != f and hb(e) <= hb(f). */
    record Event(int node, String action, long seq, int lc, int[] vc, int events, int[] hb) {
    }

    final List<Integer> servers;
    final Map<Integer, Integer> index = new HashMap<>();
    final int budget;
    final List<Event> history = new ArrayList<>();
    /** Per node: its clocks now (the last action's state, or the restart's). */
    final Map<Integer, Event> now = new HashMap<>();
    /** Per node: its latest recorded event, whose successor in program order comes next. */
    final Map<Integer, Event> last = new HashMap<>();
    /** Per node: the largest Lamport time of its recorded events. */
    final Map<Integer, Integer> maxLc = new HashMap<>();
    /** Per node: the Send action whose Tick has not been sent yet. */
    final Map<Integer, Event> unsent = new HashMap<>();
    /** Per node: the Tick delivered and not yet consumed by a Receive, as its message id. */
    final Map<Integer, Long> delivered = new HashMap<>();
    /** Tick message id to the Send event that stamped it. */
    final Map<Long, Event> sendOf = new HashMap<>();
    /** Invariant name to the first violation found. */
    final Map<String, String> violations = new LinkedHashMap<>();
    boolean merged; // some Receive took its Lamport time from the message

    ClocksTraceState(List<Integer> servers, int budget) {
        this.servers = List.copyOf(servers);
        for (int i = 0; i < servers.size(); i++) {
            index.put(servers.get(i), i);
        }
        this.budget = budget;
    }

    void violate(String invariant, String message) {
        violations.putIfAbsent(invariant, message);
    }

    boolean holds(String invariant) {
        return !violations.containsKey(invariant);
    }

    @Override
    public String toString() {
        if (!violations.isEmpty()) {
            return violations.toString();
        }
        StringBuilder b = new StringBuilder(history.size() + " events; clocks now");
        now.forEach((n, e) -> b.append(" ").append(n).append(":lc=").append(e.lc())
                .append(",vc=").append(java.util.Arrays.toString(e.vc())));
        return b.toString();
    }
}
