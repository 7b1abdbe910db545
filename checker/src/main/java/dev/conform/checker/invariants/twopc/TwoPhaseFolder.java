package dev.conform.checker.invariants.twopc;

import dev.conform.checker.invariants.JsonObjects;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folds {@code twopc} trace events into {@link TwoPhaseTraceState} as {@code TraceTwoPhase.tla}
 * does: the header's roles name the coordinator, the participants and the clients, and
 * {@code params.options.cooperative} switches cooperative termination; every action is the
 * spec's ({@link TwoPhaseSteps}), a handler takes the message delivered to its node, and the
 * state the action records must be the state after it; a send must be a message a recorded
 * action made, and a node takes no other step while it owes a send. The network rules
 * themselves (message identity, one handler per delivery, crashes, the plan) are
 * {@code TraceNetwork}'s, which the replay runs first.
 */
public final class TwoPhaseFolder implements StateFolder<TwoPhaseTraceState> {
    public static final String COORDINATOR = "coordinator";
    public static final String PARTICIPANT = "participant";

    private static final Set<String> TM_STATES = Set.of("init", "waiting", "committed", "aborted");
    private static final Set<String> RM_STATES = Set.of("working", "prepared", "committed", "aborted");
    private static final Set<String> OUTCOMES = Set.of("none", "committed", "aborted");

    @Override
    public TwoPhaseTraceState initial(TraceHeader header) {
        List<Integer> coordinators = header.withRole(COORDINATOR);
        List<Integer> participants = header.withRole(PARTICIPANT);
        String problem = null;
        if (coordinators.size() != 1) {
            problem = "the header names " + coordinators.size() + " nodes with role \"coordinator\" (one needed)";
        } else if (participants.isEmpty()) {
            problem = "the header names no node with role \"participant\"";
        } else if (header.servers().size() != 1 + participants.size()) {
            problem = "the header's servers " + header.servers() + " are not one coordinator and participants";
        }
        Object cooperative = options(header).get("cooperative");
        return new TwoPhaseTraceState(coordinators.isEmpty() ? 0 : coordinators.get(0), participants,
                header.clients(), "true".equals(cooperative), problem);
    }

    private static Map<?, ?> options(TraceHeader header) {
        Object o = header.params() == null ? null : header.params().get("options");
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    @Override
    public TwoPhaseTraceState apply(TwoPhaseTraceState s, TraceEvent e) {
        if (s.headerProblem != null) {
            throw new FoldException("not a two-phase commit trace: " + s.headerProblem);
        }
        int n = e.node();
        switch (e.kind()) {
            case ACTION -> action(s, e);
            case SEND -> send(s, e);
            case DELIVER -> {
                idle(s, n, "a delivery");
                s.delivered.put(n, SpecMessage.of(e.msg()));
            }
            case TIMER -> idle(s, n, "a timer");
            case CRASH -> crash(s, n);
            case RESTART -> s.netDown.remove(n);
            default -> { } // drops, duplicates, faults: the network's business
        }
        return s;
    }

    private static void idle(TwoPhaseTraceState s, int n, String what) {
        if (!s.up(n)) {
            throw new FoldException(what + " at node " + n + ", which has not recovered from its crash");
        }
        owesNoSend(s, n, what);
    }

    private static void owesNoSend(TwoPhaseTraceState s, int n, String what) {
        if (!s.noneFrom(n)) {
            throw new FoldException(what + " at node " + n + " before it sent what its last action made: " + unsent(s, n));
        }
    }

    private static List<SpecMessage> unsent(TwoPhaseTraceState s, int n) {
        List<SpecMessage> out = new ArrayList<>();
        s.msgs.forEach(m -> {
            if (m.from() == n) {
                out.add(m);
            }
        });
        return out;
    }

    private static void send(TwoPhaseTraceState s, TraceEvent e) {
        SpecMessage m = SpecMessage.of(e.msg());
        if (!s.msgs.remove(m)) {
            throw new FoldException("node " + e.node() + " sends " + m + ", which no recorded action made"
                    + (s.noneFrom(e.node()) ? "" : " (it owes " + unsent(s, e.node()) + ")"));
        }
    }

    private static void crash(TwoPhaseTraceState s, int n) {
        if (n != s.coordinator && !s.participants.contains(n)) {
            throw new FoldException("node " + n + " crashes, but only the coordinator and participants may");
        }
        owesNoSend(s, n, "a crash");
        if (!s.up(n)) {
            throw new FoldException("node " + n + " crashes before it recovered from its last crash");
        }
        s.netDown.add(n);
        if (n == s.coordinator) {
            s.tmUp = false;
            s.tmPrepared.clear();
            s.tmAcked.clear();
        } else {
            s.rmDown.add(n);
        }
    }

    private static void action(TwoPhaseTraceState s, TraceEvent e) {
        int n = e.node();
        String a = e.action();
        owesNoSend(s, n, "action " + a);
        SpecMessage m = null;
        Set<String> consumed = TwoPhaseSteps.CONSUMERS.get(a);
        if (consumed != null) {
            m = s.delivered.remove(n);
            if (m == null || !consumed.contains(m.type())) {
                throw new FoldException("handler " + a + " at node " + n + " has no " + consumed + " delivery to consume");
            }
        }
        Map<?, ?> rec = asMap(e.state());
        if (n == s.coordinator) {
            TwoPhaseSteps.coordinator(s, a, m);
            expect(e, "tmState", s.tmState, TM_STATES, rec);
            expectIds(e, "tmPrepared", s.tmPrepared, rec);
            expectIds(e, "tmAcked", s.tmAcked, rec);
            note(s, s.tmState);
        } else if (s.participants.contains(n)) {
            TwoPhaseSteps.participant(s, n, a, m);
            expect(e, "rmState", s.rmState.get(n), RM_STATES, rec);
            note(s, s.rmState.get(n));
        } else if (s.clients.contains(n)) {
            TwoPhaseSteps.client(s, n, a, m);
            expect(e, "outcome", s.clientOutcome.get(n), OUTCOMES, rec);
        } else {
            throw new FoldException("action " + a + " at node " + n + ", which has no role in two-phase commit");
        }
    }

    private static void note(TwoPhaseTraceState s, String state) {
        s.everCommitted |= state.equals(TwoPhaseTraceState.COMMITTED);
        s.everAborted |= state.equals(TwoPhaseTraceState.ABORTED);
    }

    private static void expect(TraceEvent e, String field, String spec, Set<String> allowed, Map<?, ?> rec) {
        Object v = rec.get(field);
        if (!(v instanceof String str) || !allowed.contains(str)) {
            throw new FoldException("action " + e.action() + " at node " + e.node() + " records " + field + " = " + v
                    + ", expected one of " + new TreeSet<>(allowed));
        }
        if (!str.equals(spec)) {
            throw new FoldException("action " + e.action() + " at node " + e.node() + " records " + field + " = "
                    + str + ", but the spec's " + e.action() + " leaves it " + spec);
        }
    }

    private static void expectIds(TraceEvent e, String field, Set<Integer> spec, Map<?, ?> rec) {
        Object v = rec.get(field);
        Set<Integer> got = new TreeSet<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof Number num)) {
                    throw new FoldException("action " + e.action() + " records " + field + " = " + v + ", not node ids");
                }
                got.add(num.intValue());
            }
        } else {
            throw new FoldException("action " + e.action() + " records " + field + " = " + v + ", not a list of node ids");
        }
        if (!got.equals(spec)) {
            throw new FoldException("action " + e.action() + " at node " + e.node() + " records " + field + " = "
                    + got + ", but the spec's " + e.action() + " leaves it " + spec);
        }
    }

    /** Read from a file, values are maps already; recorded in memory they may be the producer's objects. */
    private static Map<?, ?> asMap(Object o) {
        return JsonObjects.asMap(o, "state");
    }

    @Override
    public String describe(TwoPhaseTraceState state) {
        return state.toString();
    }
}
