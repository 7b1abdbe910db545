package dev.conform.checker.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.io.TraceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayEngineTest {
    static final Path TRACES = Path.of("src/test/resources/specs/pingcounter/traces");

    static ReplayResult replay(String file) {
        InvariantSet<?> set = InvariantRegistry.find("pingcounter-fifo").orElseThrow();
        try (TraceReader r = TraceReader.open(TRACES.resolve(file))) {
            return new ReplayEngine().replay(EventSource.of(r), set);
        }
    }

    @Test
    void goodTracePassesEveryInvariant() {
        ReplayResult r = replay("good-basic.ndjson");
        assertTrue(r.conforms(), String.valueOf(r.failure()));
        assertEquals(10, r.events());
        assertEquals(List.of("NotAhead", "CountsMonotone"),
                r.verdicts().stream().map(ReplayResult.InvariantVerdict::name).toList());
        assertTrue(r.verdicts().stream().allMatch(ReplayResult.InvariantVerdict::passed));
        assertEquals(Map.of("Exchanged", true), r.coverage().reached());
        assertEquals(Map.of("Inc", 4L), r.coverage().actions());
    }

    @Test
    void deliveryOfAMessageNeverSentIsRejectedAtThatEvent() {
        ReplayResult.Failure f = replay("bad-deliver-unsent.ndjson").failure();
        assertNull(f.invariant());
        assertEquals(3, f.event());
        assertEquals(4, f.line());
        assertTrue(f.message().contains("message 7 is delivered but is not in flight (never sent"), f.message());
    }

    @Test
    void counterGoingBackIsCountsMonotoneAtThatEvent() {
        ReplayResult r = replay("bad-count-regress.ndjson");
        assertEquals("CountsMonotone", r.failure().invariant());
        assertEquals(5, r.failure().event());
        assertEquals(6, r.failure().line());
        assertFalse(r.verdicts().get(1).passed());
    }

    @Test
    void sendingAheadOfTheCounterViolatesNotAhead() {
        ReplayResult r = replay("bad-send-ahead.ndjson");
        assertEquals("NotAhead", r.failure().invariant());
        assertEquals(Invariant.Kind.ALWAYS, r.failure().kind());
        assertEquals(5, r.failure().event());
    }

    @Test
    void aReachabilityPropertyThatNeverHeldIsCoverageNotAFailure() {
        ReplayResult r = replay("good-never-exchanged.ndjson");
        assertTrue(r.conforms(), String.valueOf(r.failure()));
        assertEquals(List.of("Exchanged"), r.coverage().unreached());
    }

    @Test
    void atEndInvariantsAreJudgedOnTheFinalStateOnly() {
        TraceHeader h = new TraceHeader(1, "counter", List.of(1), null, null, "test", Map.of());
        StateFolder<long[]> folder = new StateFolder<>() {
            @Override
            public long[] initial(TraceHeader header) {
                return new long[1];
            }

            @Override
            public long[] apply(long[] s, TraceEvent e) {
                s[0] += e.kind() == EventKind.ACTION ? 1 : -1;
                return s;
            }
        };
        InvariantSet<long[]> set = new InvariantSet<>() {
            public String algorithm() {
                return "counter";
            }

            public StateFolder<long[]> folder() {
                return folder;
            }

            public List<Invariant<long[]>> invariants() {
                return List.of(Invariant.atEnd("BackToZero", s -> s[0] == 0));
            }

            public Map<String, java.util.Set<String>> consumers() {
                return Map.of();
            }
        };
        List<TraceEvent> up = new ArrayList<>();
        up.add(new TraceEvent(1, 1, EventKind.ACTION, "Up", null, null, -1, null));
        assertEquals("BackToZero", new ReplayEngine().replay(EventSource.of(h, up), set).failure().invariant());
        up.add(new TraceEvent(2, 1, EventKind.TIMER, "down", null, null, -1, null));
        assertTrue(new ReplayEngine().replay(EventSource.of(h, up), set).conforms());
    }
}
