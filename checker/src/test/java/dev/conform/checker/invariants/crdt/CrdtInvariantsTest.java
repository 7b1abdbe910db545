package dev.conform.checker.invariants.crdt;

import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.tracing.io.TraceReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CRDT invariants on the traces of specs/crdt/traces (see the README there). */
class CrdtInvariantsTest {
    static final Path TRACES = Path.of("../specs/crdt/traces");

    static ReplayResult replay(String file) {
        InvariantSet<?> set = InvariantRegistry.find("crdt").orElseThrow();
        try (TraceReader r = TraceReader.open(TRACES.resolve(file))) {
            return new ReplayEngine().replay(EventSource.of(r), set);
        }
    }

    @Test
    void goodCounterTracesPass() {
        for (String f : new String[] {"good-gossip.ndjson", "good-sim-chaos-seed7.ndjson"}) {
            ReplayResult r = replay(f);
            assertTrue(r.conforms(), f + ": " + r.failure());
        }
    }

    @Test
    void decreasingCounterFailsMonotonicAtEvent11() {
        ReplayResult r = replay("bad-counter-decreases.ndjson");
        assertEquals("Monotonic", r.failure().invariant(), String.valueOf(r.failure()));
        assertEquals(11, r.failure().event());
    }

    @Test
    void physicalClockUnderSkewLosesACausallyLaterWriteAndHlcDoesNot() {
        ReplayResult p = replay("lww-physical-skew-seed1.ndjson");
        assertEquals("NoLostCausalWrite", p.failure().invariant(), String.valueOf(p.failure()));
        ReplayResult h = replay("lww-hlc-skew-seed1.ndjson");
        assertTrue(h.conforms(), String.valueOf(h.failure()));
    }
}
