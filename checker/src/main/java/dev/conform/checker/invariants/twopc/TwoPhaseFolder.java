package dev.conform.checker.invariants.twopc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import java.util.Map;
import java.util.Set;

/** Folds {@code twopc} trace events into {@link TwoPhaseTraceState}. */
public final class TwoPhaseFolder implements StateFolder<TwoPhaseTraceState> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TM_STATES = Set.of("init", "waiting", "committed", "aborted");
    private static final Set<String> RM_STATES = Set.of("working", "prepared", "committed", "aborted");

    @Override
    public TwoPhaseTraceState initial(TraceHeader header) {
        return new TwoPhaseTraceState(header.nodes());
    }

    @Override
    public TwoPhaseTraceState apply(TwoPhaseTraceState s, TraceEvent e) {
        switch (e.kind()) {
            case ACTION -> action(s, e);
            case SEND -> send(s, e.msg());
            case CRASH -> s.down.add(e.node());
            case RESTART -> s.down.remove(e.node());
            default -> { }
        }
        return s;
    }

    private static void action(TwoPhaseTraceState s, TraceEvent e) {
        int n = e.node();
        if (n == s.coordinator) {
            String tm = field(e, "tmState", TM_STATES);
            s.tmState = tm;
            note(s, tm);
        } else if (s.rmState.containsKey(n)) {
            String rm = field(e, "rmState", RM_STATES);
            s.rmState.put(n, rm);
            if ("RMVoteYes".equals(e.action())) {
                s.yesVotes.add(n);
            }
            note(s, rm);
        } else {
            throw new FoldException("action " + e.action() + " at node " + n + ", which is not in the header's nodes");
        }
    }

    private static void note(TwoPhaseTraceState s, String state) {
        s.everCommitted |= state.equals(TwoPhaseTraceState.COMMITTED);
        s.everAborted |= state.equals(TwoPhaseTraceState.ABORTED);
    }

    private static void send(TwoPhaseTraceState s, TraceMessage m) {
        if (m != null && "Vote".equals(m.type()) && Boolean.TRUE.equals(asMap(m.body()).get("yes"))) {
            s.yesVotes.add(m.from());
        }
    }

    private static String field(TraceEvent e, String name, Set<String> allowed) {
        Object v = asMap(e.state()).get(name);
        if (!(v instanceof String str) || !allowed.contains(str)) {
            throw new FoldException("action " + e.action() + " at node " + e.node() + " records " + name + " = " + v
                    + ", expected one of " + new java.util.TreeSet<>(allowed));
        }
        return str;
    }

    /** Read from a file, values are maps already; recorded in memory they may be the producer's objects. */
    private static Map<?, ?> asMap(Object o) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        if (o == null) {
            return Map.of();
        }
        try {
            return JSON.convertValue(o, Map.class);
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    @Override
    public String describe(TwoPhaseTraceState state) {
        return state.toString();
    }
}
