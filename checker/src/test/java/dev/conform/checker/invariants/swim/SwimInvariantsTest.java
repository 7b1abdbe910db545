package dev.conform.checker.invariants.swim;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SWIM invariants on small made-up traces of three members (k = 1): member 1 probes 2, gets
 * no answer, suspects it, probes 3 with the suspicion piggybacked, and declares 2 dead when its
 * suspicion timer fires. Each test plants one lie and names the invariant (or the impossible step)
 * that rejects it.
 */
class SwimInvariantsTest {
    static final TraceHeader HEADER = new TraceHeader(1, "swim", List.of(1, 2, 3), 1L,
            Map.of("events", List.of(), "unplanned", List.of("crash", "restart")), "test",
            Map.of("net", "unreliable", "lossPercent", 10, "options", Map.of("k", "1", "piggyback", "6",
                    "joiners", "0", "leaveAt", "0")));

    /** A tiny trace builder. */
    static final class Trace {
        final List<TraceEvent> events = new ArrayList<>();
        final Map<Long, TraceMessage> sent = new LinkedHashMap<>();

        Trace add(int node, EventKind kind, String action, TraceMessage msg, Object state) {
            events.add(new TraceEvent(events.size() + 1, node, kind, action, msg, state, -1, null));
            return this;
        }

        Trace timer(int node, String name) {
            return add(node, EventKind.TIMER, name, null, null);
        }

        Trace action(int node, String name, int inc, int round, Object... view) {
            Map<String, Object> v = new LinkedHashMap<>();
            for (int i = 0; i < view.length; i += 3) {
                v.put(String.valueOf(view[i]), Map.of("status", view[i + 1], "inc", view[i + 2]));
            }
            return add(node, EventKind.ACTION, name, null, Map.of("inc", inc, "round", round, "view", v));
        }

        /** Sends {@code type} with seq and updates given as member, status, inc triples. */
        Trace send(long id, int from, int to, String type, int seq, Object... updates) {
            List<Object> u = new ArrayList<>();
            for (int i = 0; i < updates.length; i += 3) {
                u.add(Map.of("member", updates[i], "status", updates[i + 1], "inc", updates[i + 2]));
            }
            TraceMessage m = new TraceMessage(id, from, to, type, Map.of("seq", seq, "updates", u));
            sent.put(id, m);
            return add(from, EventKind.SEND, null, m, null);
        }

        Trace deliver(long id) {
            TraceMessage m = sent.get(id);
            return add(m.to(), EventKind.DELIVER, null, m, null);
        }

        ReplayResult replay() {
            return new ReplayEngine().replay(EventSource.of(HEADER, events), InvariantRegistry.find("swim").orElseThrow());
        }
    }

    /** 1 probes 2 in vain and suspects it; its next probe, of 3, carries the suspicion; 3 takes it in. */
    static Trace suspicion() {
        return new Trace()
                .timer(1, "probe").action(1, "Probe", 0, 1).send(1, 1, 2, "Ping", 1, 1, "alive", 0)
                .timer(1, "probe").action(1, "Suspect", 0, 1, 2, "suspect", 0).action(1, "Probe", 0, 2)
                .send(2, 1, 3, "Ping", 2, 1, "alive", 0, 2, "suspect", 0)
                .deliver(2).action(3, "HandlePing", 0, 0, 2, "suspect", 0)
                .send(3, 3, 1, "Ack", 2, 3, "alive", 0, 2, "suspect", 0);
    }

    @Test
    void aSuspicionThatOutlivesItsTimerEndsInDeath() {
        ReplayResult r = suspicion().timer(1, "suspect-2").action(1, "Confirm", 0, 2, 2, "dead", 0).replay();
        assertTrue(r.conforms(), String.valueOf(r.failure()));
        assertTrue(r.coverage().reached().get("Suspected"));
        assertTrue(r.coverage().reached().get("Confirmed"));
    }

    @Test
    void deathWithoutSuspicionBreaksSuspectBeforeDead() {
        ReplayResult r = new Trace()
                .timer(1, "probe").action(1, "Probe", 0, 1).send(1, 1, 2, "Ping", 1, 1, "alive", 0)
                .timer(1, "probe").action(1, "Confirm", 0, 1, 2, "dead", 0).action(1, "Probe", 0, 2)
                .send(2, 1, 3, "Ping", 2, 1, "alive", 0, 2, "dead", 0).replay();
        assertEquals("SuspectBeforeDead", r.failure().invariant(), r.failure().message());
    }

    @Test
    void deathOnAnotherTimerBreaksSuspectBeforeDead() {
        ReplayResult r = suspicion().timer(1, "suspect-3").action(1, "Confirm", 0, 2, 2, "dead", 0).replay();
        assertEquals("SuspectBeforeDead", r.failure().invariant(), r.failure().message());
    }

    @Test
    void aRefuteMustRaiseTheIncarnation() {
        Trace unowed = suspicion().send(4, 1, 2, "Ping", 3, 1, "alive", 0, 2, "suspect", 0).deliver(4)
                .action(2, "HandlePing", 0, 0).action(2, "Refute", 1, 0).send(5, 2, 1, "Ack", 3, 2, "alive", 1);
        assertNull(unowed.replay().failure().invariant(), "a send no action calls for cannot happen");
        ReplayResult ok = refuted(1).replay();
        assertTrue(ok.conforms(), String.valueOf(ok.failure()));
        assertTrue(ok.coverage().reached().get("Refuted"));
        ReplayResult same = refuted(0).replay();
        assertEquals("RefuteWithHigherIncarnation", same.failure().invariant(), same.failure().message());
    }

    /** 3's Ack reaches 1; 1 probes 2 again with the suspicion, and 2 refutes at {@code inc}. */
    static Trace refuted(int inc) {
        return suspicion().deliver(3).action(1, "HandleAck", 0, 2).timer(1, "probe").action(1, "Probe", 0, 3)
                .send(4, 1, 2, "Ping", 3, 1, "alive", 0, 2, "suspect", 0).deliver(4)
                .action(2, "HandlePing", 0, 0).action(2, "Refute", inc, 0).send(5, 2, 1, "Ack", 3, 2, "alive", inc);
    }

    @Test
    void ignoringAnOverridingUpdateBreaksViewPrecedence() {
        ReplayResult r = new Trace()
                .timer(1, "probe").action(1, "Probe", 0, 1).send(1, 1, 2, "Ping", 1, 1, "alive", 0)
                .timer(1, "probe").action(1, "Suspect", 0, 1, 2, "suspect", 0).action(1, "Probe", 0, 2)
                .send(2, 1, 3, "Ping", 2, 1, "alive", 0, 2, "suspect", 0)
                .deliver(2).action(3, "HandlePing", 0, 0).replay();
        assertEquals("ViewPrecedence", r.failure().invariant(), r.failure().message());
    }

    @Test
    void aliveOverSuspectAtTheSameIncarnationBreaksPrecedenceAndRefutation() {
        Trace t = suspicion().timer(2, "probe").action(2, "Probe", 0, 1).send(4, 2, 3, "Ping", 1, 2, "alive", 0)
                .deliver(4).action(3, "HandlePing", 0, 0, 2, "alive", 0);
        ReplayResult r = t.replay();
        assertEquals("ViewPrecedence", r.failure().invariant(), r.failure().message());
        assertTrue(r.failure().message().contains("RefuteWithHigherIncarnation"), r.failure().message());
    }

    @Test
    void aTraceThatStopsBeforeTheHandlersReplyIsNotQuiet() {
        Trace t = new Trace()
                .timer(1, "probe").action(1, "Probe", 0, 1).send(1, 1, 2, "Ping", 1, 1, "alive", 0)
                .deliver(1).action(2, "HandlePing", 0, 0);
        ReplayResult r = t.replay();
        assertEquals("SwimQuiet", r.failure().invariant(), r.failure().message());
    }

    @Test
    void aRestartComesBackAtItsDurableIncarnation() {
        Trace legal = refuted(1).add(2, EventKind.CRASH, null, null, null);
        ReplayResult lower = copy(legal).add(2, EventKind.RESTART, null, null, Map.of("inc", 0)).replay();
        assertEquals("IncarnationMonotonic", lower.failure().invariant(), lower.failure().message());
        ReplayResult rejoin = copy(legal).add(2, EventKind.RESTART, null, null, Map.of("inc", 1))
                .action(2, "Rejoin", 2, 0, 1, "alive", 0, 3, "alive", 0).replay();
        assertTrue(rejoin.conforms(), String.valueOf(rejoin.failure()));
    }

    private static Trace copy(Trace t) {
        Trace c = new Trace();
        c.events.addAll(t.events);
        c.sent.putAll(t.sent);
        return c;
    }
}
