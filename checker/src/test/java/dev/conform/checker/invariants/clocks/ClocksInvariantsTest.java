package dev.conform.checker.invariants.clocks;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clocks invariants on small made-up traces of two servers: each one can fail, and only as it should. */
class ClocksInvariantsTest {
    static final TraceHeader HEADER = new TraceHeader(1, "clocks", List.of(1, 2), 1L,
            Map.of("unplanned", List.of("crash", "restart")), "test",
            Map.of("net", "unreliable", "options", Map.of("events", "3", "every", "5")));

    /** A tiny trace builder: seq numbers in order, no runtime clocks, message ids counted from 1. */
    static final class Trace {
        final List<TraceEvent> events = new ArrayList<>();
        final Map<Long, TraceMessage> sent = new HashMap<>();

        Trace timer(int node) {
            return add(node, EventKind.TIMER, "event", null, null);
        }

        Trace act(int node, String action, int lc, int vc1, int vc2, int events) {
            return add(node, EventKind.ACTION, action, null, state(lc, vc1, vc2, events));
        }

        Trace tick(int from, int to, int lc, int vc1, int vc2) {
            TraceMessage m = new TraceMessage(sent.size() + 1, from, to, "Tick", Map.of("lc", lc, "vc", vc(vc1, vc2)));
            sent.put(m.id(), m);
            return add(from, EventKind.SEND, null, m, null);
        }

        Trace deliver(long id) {
            return add(sent.get(id).to(), EventKind.DELIVER, null, sent.get(id), null);
        }

        Trace crash(int node) {
            return add(node, EventKind.CRASH, null, null, null);
        }

        Trace restart(int node, int lc, int vc1, int vc2, int events) {
            return add(node, EventKind.RESTART, null, null, state(lc, vc1, vc2, events));
        }

        private static Map<String, Object> state(int lc, int vc1, int vc2, int events) {
            return Map.of("lc", lc, "vc", vc(vc1, vc2), "events", events);
        }

        private static Map<String, Object> vc(int a, int b) {
            return Map.of("1", a, "2", b);
        }

        private Trace add(int node, EventKind kind, String action, TraceMessage m, Object state) {
            events.add(new TraceEvent(events.size(), node, kind, action, m, state, -1, null));
            return this;
        }
    }

    static ReplayResult replay(Trace t) {
        return replay(HEADER, t);
    }

    static ReplayResult replay(TraceHeader h, Trace t) {
        return new ReplayEngine().replay(EventSource.of(h, t.events), InvariantRegistry.find("clocks").orElseThrow());
    }

    /** Node 2 ticks twice locally, node 1 sends at lc 1; node 2 receives it. */
    static Trace ahead() {
        return new Trace().timer(2).act(2, "Local", 1, 0, 1, 1).timer(2).act(2, "Local", 2, 0, 2, 2)
                .timer(1).act(1, "Send", 1, 1, 0, 1).tick(1, 2, 1, 1, 0).deliver(1);
    }

    @Test
    void aCorrectTraceConformsAndAMergeThatMattersIsCovered() {
        ReplayResult r = replay(ahead().act(2, "Receive", 3, 1, 3, 2));
        assertTrue(r.conforms(), String.valueOf(r.failure()));
        assertEquals(List.of("Merged"), r.coverage().unreached(), "the stamp (1) was behind the clock (2)");
        Trace behind = new Trace().timer(1).act(1, "Send", 1, 1, 0, 1).tick(1, 2, 1, 1, 0).deliver(1)
                .act(2, "Receive", 2, 1, 1, 0);
        ReplayResult m = replay(behind);
        assertTrue(m.conforms(), String.valueOf(m.failure()));
        assertEquals(List.of(), m.coverage().unreached());
    }

    @Test
    void aReceiveThatDoesNotMergeBreaksVectorCharacterisation() {
        // No merge: vc stays [0, 3]; the Send at [1, 0] happened before it, yet is not smaller.
        ReplayResult r = replay(ahead().act(2, "Receive", 3, 0, 3, 2));
        assertEquals("VectorCharacterisation", r.failure().invariant(), r.failure().message());
    }

    @Test
    void aReceiveStampedNoLaterThanItsSendBreaksClockCondition() {
        Trace t = new Trace().timer(1).act(1, "Send", 1, 1, 0, 1).tick(1, 2, 1, 1, 0).timer(1).act(1, "Local", 2, 2, 0, 2)
                .timer(1).act(1, "Send", 3, 3, 0, 3).tick(1, 2, 3, 3, 0).deliver(2)
                .act(2, "Receive", 1, 0, 1, 0); // no merge: lc 1 < the send's 3; vc [0,1] not above [3,0] either
        ReplayResult r = replay(t);
        assertEquals("ClockCondition", r.failure().invariant(), r.failure().message());
    }

    @Test
    void aRestartThatLostItsClockBreaksClockIsLatest() {
        Trace t = new Trace().timer(1).act(1, "Local", 1, 1, 0, 1).crash(1).restart(1, 0, 0, 0, 0);
        ReplayResult r = replay(t);
        assertEquals("ClockIsLatest", r.failure().invariant(), r.failure().message());
    }

    @Test
    void stepsTheAlgorithmCannotTakeAreRejectedWhereTheyHappen() {
        // A Tick that does not carry the clocks of its Send.
        ReplayResult lie = replay(new Trace().timer(1).act(1, "Send", 1, 1, 0, 1).tick(1, 2, 2, 1, 0));
        assertNull(lie.failure().invariant());
        assertTrue(lie.failure().message().contains("carries lc=2"), lie.failure().message());
        // A receive that jumps further than the merge, which no invariant notices.
        ReplayResult jump = replay(ahead().act(2, "Receive", 4, 1, 3, 2));
        assertTrue(jump.failure().message().contains("gives lc=3"), jump.failure().message());
        // An event beyond the header's budget.
        Trace over = new Trace();
        for (int e = 1; e <= 4; e++) {
            over.timer(2).act(2, "Local", e, 0, e, e);
        }
        assertTrue(replay(over).failure().message().contains("budget 3"), replay(over).failure().message());
        // A restart with clocks it never had.
        ReplayResult restart = replay(new Trace().timer(1).act(1, "Local", 1, 1, 0, 1).crash(1).restart(1, 2, 1, 0, 1));
        assertTrue(restart.failure().message().contains("not the clocks of its latest event"), restart.failure().message());
    }
}
