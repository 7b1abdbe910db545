package dev.conform.checker.invariants.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The causal broadcast invariants on small made-up traces of three servers. */
class CausalInvariantsTest {
    static final TraceHeader HEADER = new TraceHeader(1, "causal", List.of(1, 2, 3), 1L, null, "test",
            Map.of("net", "unreliable", "options", Map.of("count", "2")));

    /** A tiny trace builder that keeps each server's nextSeq, delivered counts and hold-back size. */
    static final class Trace {
        final List<TraceEvent> events = new ArrayList<>();
        final Map<Long, TraceMessage> sent = new HashMap<>();
        final Map<Integer, int[]> delivered = new HashMap<>();
        final Map<Integer, Integer> next = new HashMap<>();
        final Map<Integer, Integer> held = new HashMap<>();

        int[] d(int node) {
            return delivered.computeIfAbsent(node, n -> new int[3]);
        }

        Trace broadcast(int node) {
            int seq = next.merge(node, 1, Integer::sum) == 1 ? next.merge(node, 1, Integer::sum) - 1 : next.get(node) - 1;
            held.merge(node, 1, Integer::sum);
            add(node, EventKind.TIMER, "originate", null, null);
            Map<String, Object> s = value(node, seq);
            s.putAll(state(node));
            return add(node, EventKind.ACTION, "Broadcast", null, s);
        }

        Trace deliver(int node, int origin, int seq) {
            d(node)[origin - 1] = seq;
            held.merge(node, -1, Integer::sum);
            Map<String, Object> s = value(origin, seq);
            s.putAll(state(node));
            return add(node, EventKind.ACTION, "Deliver", null, s);
        }

        /** The copy in flight to {@code to} of (origin, seq) as broadcast with {@code deps}. */
        Trace data(int from, int to, int origin, int seq, int... deps) {
            Map<String, Object> body = value(origin, seq);
            body.put("deps", vector(deps));
            TraceMessage m = new TraceMessage(sent.size() + 1, from, to, "Data", body);
            sent.put(m.id(), m);
            return add(from, EventKind.SEND, null, m, null);
        }

        Trace receive(long id, boolean holds) {
            TraceMessage m = sent.get(id);
            add(m.to(), EventKind.DELIVER, null, m, null);
            if (holds) {
                held.merge(m.to(), 1, Integer::sum);
            }
            return add(m.to(), EventKind.ACTION, "Receive", null, state(m.to()));
        }

        Trace ack(int from, int to, int origin, int seq) {
            TraceMessage m = new TraceMessage(sent.size() + 1, from, to, "Ack", Map.of("origin", origin, "seq", seq));
            sent.put(m.id(), m);
            return add(from, EventKind.SEND, null, m, null);
        }

        private static Map<String, Object> value(int origin, int seq) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("origin", origin);
            m.put("seq", seq);
            m.put("value", "v" + origin + "." + seq);
            return m;
        }

        private Map<String, Object> state(int node) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("nextSeq", next.getOrDefault(node, 1));
            m.put("delivered", vector(d(node)));
            m.put("held", held.getOrDefault(node, 0));
            return m;
        }

        private static Map<String, Object> vector(int... v) {
            return Map.of("1", v[0], "2", v[1], "3", v[2]);
        }

        private Trace add(int node, EventKind kind, String action, TraceMessage m, Object state) {
            events.add(new TraceEvent(events.size(), node, kind, action, m, state, -1, null));
            return this;
        }
    }

    static ReplayResult replay(Trace t) {
        return new ReplayEngine().replay(EventSource.of(HEADER, t.events), InvariantRegistry.find("causal").orElseThrow());
    }

    /** 1 broadcasts m1 to 2 and 3; 2 delivers it and broadcasts m2 (deps [1,0,0]) to 3. */
    static Trace reply() {
        return new Trace().broadcast(1).deliver(1, 1, 1).data(1, 2, 1, 1, 0, 0, 0).data(1, 3, 1, 1, 0, 0, 0)
                .receive(1, true).deliver(2, 1, 1).ack(2, 1, 1, 1)
                .broadcast(2).deliver(2, 2, 1).data(2, 3, 2, 1, 1, 0, 0);
    }

    @Test
    void waitingForTheDependencyConformsAndIsCovered() {
        Trace t = reply().receive(4, true).receive(2, true).deliver(3, 1, 1).deliver(3, 2, 1);
        ReplayResult r = replay(t);
        assertTrue(r.conforms(), String.valueOf(r.failure()));
        assertEquals(List.of(), r.coverage().unreached(), "m2 was held back for m1");
    }

    @Test
    void deliveringAValueBeforeOneItsOriginHadDeliveredBreaksCausalDelivery() {
        ReplayResult r = replay(reply().receive(4, true).deliver(3, 2, 1));
        assertEquals("CausalDelivery", r.failure().invariant(), r.failure().message());
        assertTrue(r.failure().message().contains("delivers v(2,1) before v(1,1)"), r.failure().message());
    }

    @Test
    void skippingAValueOfTheSameOriginBreaksFifoDelivery() {
        Trace t = new Trace().broadcast(1).deliver(1, 1, 1).broadcast(1).deliver(1, 1, 2)
                .data(1, 2, 1, 2, 1, 0, 0).receive(1, true).deliver(2, 1, 2);
        ReplayResult r = replay(t);
        assertEquals("FifoDelivery", r.failure().invariant(), r.failure().message());
    }

    @Test
    void messagesAndStatesTheProtocolCannotProduceAreRejected() {
        // Data whose deps are not those it was broadcast with.
        ReplayResult deps = replay(new Trace().broadcast(1).deliver(1, 1, 1).data(1, 2, 1, 1, 0, 1, 0));
        assertNull(deps.failure().invariant());
        assertTrue(deps.failure().message().contains("not v(1,1) as broadcast"), deps.failure().message());
        // An Ack of a value the acknowledging server has not delivered (it only holds it).
        Trace held = new Trace().broadcast(1).deliver(1, 1, 1).broadcast(1).deliver(1, 1, 2)
                .data(1, 2, 1, 2, 1, 0, 0).receive(1, true).ack(2, 1, 1, 2);
        assertTrue(replay(held).failure().message().contains("which its sender has not delivered"),
                replay(held).failure().message());
        // A Receive that records a hold-back queue it does not have.
        Trace wrongHeld = new Trace().broadcast(1).deliver(1, 1, 1).data(1, 2, 1, 1, 0, 0, 0).receive(1, false);
        assertTrue(replay(wrongHeld).failure().message().contains("held=0; the trace gives nextSeq=1, delivered=[0, 0, 0], held=1"),
                replay(wrongHeld).failure().message());
    }
}
