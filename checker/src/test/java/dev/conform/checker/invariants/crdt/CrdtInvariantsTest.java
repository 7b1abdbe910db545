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
    void goodTracesOfEveryClockModeConform() {
        for (String f : new String[] {"good-sim-chaos-seed7.ndjson", "lww-hlc-skew-seed1.ndjson",
                "lww-physical-skew-seed1.ndjson"}) {
            ReplayResult r = replay(f);
            assertTrue(r.conforms(), f + ": " + r.failure());
        }
    }

    @Test
    void aSendGossipBelowTheReplicasStateIsRejectedAtEvent7() {
        ReplayResult r = replay("bad-counter-decreases.ndjson");
        assertEquals(7, r.failure().event(), String.valueOf(r.failure()));
        assertTrue(r.failure().message().contains("SendGossip at replica 1 changes its state"), r.failure().message());
    }

    @Test
    void aMergeThatIgnoresThePushIsRejectedAtEvent12() {
        ReplayResult r = replay("bad-merge-ignores-push.ndjson");
        assertEquals(12, r.failure().event(), String.valueOf(r.failure()));
        assertTrue(r.failure().message().contains("not the join with message"), r.failure().message());
    }

    @Test
    void aReadOfTheStateBeforeTheMergeIsRejectedAtEvent61() {
        ReplayResult r = replay("bad-read-before-merge.ndjson");
        assertEquals(61, r.failure().event(), String.valueOf(r.failure()));
        assertTrue(r.failure().message().contains("Read at replica 1 returns 9 but the replica holds 10"),
                r.failure().message());
    }
}
