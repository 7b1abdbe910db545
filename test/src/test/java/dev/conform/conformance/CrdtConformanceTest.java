package dev.conform.conformance;

import dev.conform.algorithms.crdt.CrdtAlgorithm;
import dev.conform.algorithms.crdt.GossipMessage;
import dev.conform.checker.validate.TlcTraceValidator;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.runtime.sim.StopReason;
import dev.conform.tracing.io.NdjsonSink;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CRDT traces against specs/crdt/TraceCrdt.tla through real TLC: a fresh simulated G-Counter run
 * over a lossy network with a crash conforms, so do the golden traces; the bad golden traces
 * diverge exactly where specs/crdt/traces/README.md says.
 */
@Tag("tlc")
@Tag("process")
@Timeout(300)
class CrdtConformanceTest {
    static Path specs() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("specs/crdt"))) {
            p = p.getParent();
        }
        assertNotNull(p, "specs/crdt not found above " + Path.of("").toAbsolutePath());
        return p.resolve("specs/crdt");
    }

    private static TlcValidation validate(Path trace) {
        Path dir = specs();
        return new TlcTraceValidator().validate(TraceValidationRequest.of(dir.resolve("TraceCrdt.tla"), trace)
                .withTimeout(Duration.ofMinutes(5)));
    }

    @Test
    void simulatedLossyRunWithACrashConforms(@TempDir Path tmp) {
        Path trace = tmp.resolve("gcounter.ndjson");
        Options o = Options.empty().with("type", "g-counter").with("updates", 4).with("fanout", 2)
            .with("workload-seed", 3);
        SimConfig cfg = SimConfig.of(3, 42).withNet(NetSemantics.UNRELIABLE).withRates(10, 10)
            .withMaxSteps(50_000).withOptions(o);
        FaultPlan plan = FaultPlan.of(new FaultEvent.Crash(15, 2), new FaultEvent.Restart(40, 2));
        RunResult r;
        try (NdjsonSink sink = new NdjsonSink(trace)) {
            r = new Simulator<GossipMessage>(new CrdtAlgorithm(), cfg, plan, sink).run();
        }
        assertEquals(StopReason.STOP_CONDITION, r.reason(), r.toString());
        assertTrue(r.dropped() > 0, "the run should have lost messages: " + r);
        TlcValidation v = validate(trace);
        assertTrue(v.conforms(), v.outcome() + ": " + v.message() + " " + v.divergence());
    }

    @Test
    void goldenTracesConform() {
        for (String f : new String[] {"good-sim-chaos-seed7.ndjson", "lww-physical-skew-seed1.ndjson"}) {
            TlcValidation v = validate(specs().resolve("traces").resolve(f));
            assertTrue(v.conforms(), f + ": " + v.outcome() + ": " + v.message());
        }
    }

    @Test
    void aSendGossipBelowTheReplicasStateDivergesAtEvent7() {
        TlcValidation v = validate(specs().resolve("traces/bad-counter-decreases.ndjson"));
        assertEquals(TlcValidation.Outcome.DIVERGES, v.outcome(), v.message());
        assertEquals(7, v.divergence().event());
    }

    @Test
    void aMergeThatIgnoresThePushDivergesAtEvent12() {
        TlcValidation v = validate(specs().resolve("traces/bad-merge-ignores-push.ndjson"));
        assertEquals(TlcValidation.Outcome.DIVERGES, v.outcome(), v.message());
        assertEquals(12, v.divergence().event());
    }

    @Test
    void aReadOfTheStateBeforeTheMergeDivergesAtEvent61() {
        TlcValidation v = validate(specs().resolve("traces/bad-read-before-merge.ndjson"));
        assertEquals(TlcValidation.Outcome.DIVERGES, v.outcome(), v.message());
        assertEquals(61, v.divergence().event());
    }
}
