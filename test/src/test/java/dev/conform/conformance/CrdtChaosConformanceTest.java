package dev.conform.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.crdt.CrdtAlgorithm;
import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.validate.TlcTraceValidator;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.Scenario;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.tracing.MemorySink;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRDT pairing under seeded chaos, with the settings of {@code specs/crdt/gate.json}: G-Counter
 * runs hold the Java invariants ({@code Monotonic}, {@code NoLostCausalWrite}, {@code Gossiped})
 * on every seed and a sample conforms to {@code TraceCrdt.tla}; LWW-map runs with HLC timestamps
 * hold them too, while physical timestamps under clock skew lose a causally later write
 * ({@code NoLostCausalWrite} fails, the expected lesson). {@code -Dconform.soak=true}: 2,000 seeds.
 */
class CrdtChaosConformanceTest {
    private static final boolean SOAK = Boolean.getBoolean("conform.soak");
    private static final int SEEDS = SOAK ? 2_000 : 200;
    private static final int TLC_SAMPLE = SOAK ? 20 : 5;
    static final int SERVERS = 3;
    static final long STEPS = 20_000;
    static final long HORIZON = 500;
    static final Options GATE_OPTIONS = Options.empty().with("type", "g-counter").with("updates", "4").with("fanout", "2");
    private static final Path DIR = Path.of("..", "specs", "crdt");

    @TempDir
    Path tmp;

    static Scenario chaos(long seed, Options options) {
        CrdtAlgorithm a = new CrdtAlgorithm();
        FaultPlan plan = PlanGenerator.generate(seed, List.of(1, 2, 3), HORIZON, Intensity.MEDIUM);
        SimConfig cfg = SimConfig.of(SERVERS, seed).withNet(a.defaultNet()).withMaxSteps(STEPS).withOptions(options);
        return new Scenario(a, cfg, plan);
    }

    static ReplayResult replay(EventSource src) {
        return new ReplayEngine().replay(src, InvariantRegistry.find("crdt").orElseThrow());
    }

    static ReplayResult inMemory(Scenario s) {
        MemorySink sink = new MemorySink();
        s.simulate(sink);
        return replay(EventSource.of(sink.recordedHeader(), sink.events()));
    }

    static ReplayResult toFile(Scenario s, Path trace) {
        try (TraceSink sink = new NdjsonSink(trace)) {
            s.simulate(sink);
        }
        try (TraceReader r = TraceReader.open(trace)) {
            return replay(EventSource.of(r));
        }
    }

    @Test
    void gCounterChaosRunsHoldTheJavaInvariantsAndASampleConformsUnderTlc() {
        List<Path> sample = new ArrayList<>();
        long stride = SEEDS / TLC_SAMPLE;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Scenario s = chaos(seed, GATE_OPTIONS);
            ReplayResult r;
            if (seed % stride == 1 && sample.size() < TLC_SAMPLE) {
                Path trace = tmp.resolve("gcounter-chaos-" + seed + ".ndjson");
                sample.add(trace);
                r = toFile(s, trace);
            } else {
                r = inMemory(s);
            }
            assertTrue(r.conforms(), "seed " + seed + ": " + r.failure() + "\nreplay: " + s.replayCommand(null));
        }
        for (Path trace : sample) {
            TlcValidation v = new TlcTraceValidator().validate(TraceValidationRequest.of(DIR.resolve("TraceCrdt.tla"), trace)
                    .withTimeout(Duration.ofMinutes(5)));
            assertEquals(TlcValidation.Outcome.CONFORMS, v.outcome(), trace.getFileName() + ": " + v.message());
        }
    }

    @Test
    void lwwMapWithHlcHoldsTheJavaInvariantsUnderChaos() {
        Options hlc = Options.empty().with("type", "lww-map").with("clock", "hlc").with("updates", "4").with("keys", "2");
        for (long seed = 1; seed <= SEEDS; seed++) {
            Scenario s = chaos(seed, hlc);
            ReplayResult r = inMemory(s);
            assertTrue(r.conforms(), "seed " + seed + ": " + r.failure() + "\nreplay: " + s.replayCommand(null));
        }
    }

    /** One key, node 1's clock 100 ticks ahead: the same run with each timestamp source. */
    private static ReplayResult skewed(String clock) {
        Options o = Options.empty().with("type", "lww-map").with("clock", clock).with("keys", "1").with("updates", "4");
        SimConfig cfg = SimConfig.of(SERVERS, 1).withNet(new CrdtAlgorithm().defaultNet()).withMaxSteps(STEPS).withOptions(o);
        Scenario s = new Scenario(new CrdtAlgorithm(), cfg, FaultPlan.of(new FaultEvent.Skew(0, 1, 100, 100)));
        return inMemory(s);
    }

    @Test
    void physicalClockUnderSkewLosesACausalWriteAndHlcDoesNot() {
        ReplayResult physical = skewed("physical");
        assertEquals("NoLostCausalWrite", physical.failure() == null ? null : physical.failure().invariant(),
                "physical timestamps under a 100-tick skew should lose a causally later write");
        System.out.println("crdt lww physical under skew (expected violation): " + physical.failure().message());
        ReplayResult hlc = skewed("hlc");
        assertTrue(hlc.conforms(), String.valueOf(hlc.failure()));
    }
}
