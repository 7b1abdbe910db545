package dev.conform.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.crdt.CrdtAlgorithm;
import dev.conform.algorithms.crdt.ReplicaSnapshot;
import dev.conform.algorithms.crdt.WriteRecord;
import dev.conform.runtime.NetSemantics;
import dev.conform.tracing.TraceEvent;
import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.Scenario;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.tracing.MemorySink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CRDT pairing under seeded chaos, with the settings of {@code specs/crdt/gate.json} (every
 * CRDT type and clock mode, picked from the seed by {@code type=each}, {@code clock=each}): every
 * run conforms to the Java twin of {@code TraceCrdt.tla} (TLC over every variant under HIGH chaos on
 * both networks: {@code tools/.../cli/CrdtVariantsConformTest}). Physical timestamps under a
 * clock skew lose a causally later write (a behaviour the physical mode allows, visible in the
 * write record), HLC timestamps never do. {@code -Dconform.soak=true}: 2,000 seeds.
 */
class CrdtChaosConformanceTest {
    private static final boolean SOAK = Boolean.getBoolean("conform.soak");
    private static final int SEEDS = SOAK ? 2_000 : 200;
    static final int SERVERS = 3;
    static final long STEPS = 20_000;
    static final long HORIZON = 500;
    static final Options GATE_OPTIONS = Options.empty().with("type", "each").with("clock", "each").with("updates", "4")
            .with("fanout", "2");
    static Scenario chaos(long seed, Options options, Intensity intensity, NetSemantics net) {
        CrdtAlgorithm a = new CrdtAlgorithm();
        FaultPlan plan = PlanGenerator.generate(seed, List.of(1, 2, 3), HORIZON, intensity);
        SimConfig cfg = SimConfig.of(SERVERS, seed).withNet(net).withMaxSteps(STEPS).withOptions(options);
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

    @Test
    @Timeout(300)
    void gateChaosRunsOfEveryVariantConformToTheJavaTwin() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Scenario s = chaos(seed, GATE_OPTIONS, Intensity.MEDIUM, new CrdtAlgorithm().defaultNet());
            ReplayResult r = inMemory(s);
            assertTrue(r.conforms(), "seed " + seed + ": " + r.failure() + "\nreplay: " + s.replayCommand(null));
        }
    }

    /** One key, node 1's clock 100 ticks ahead: the same run with each timestamp source. */
    private static List<WriteRecord> lostWrites(String clock) {
        Options o = Options.empty().with("type", "lww-map").with("clock", clock).with("keys", "1").with("updates", "4");
        SimConfig cfg = SimConfig.of(SERVERS, 1).withNet(new CrdtAlgorithm().defaultNet()).withMaxSteps(STEPS).withOptions(o);
        Scenario s = new Scenario(new CrdtAlgorithm(), cfg, FaultPlan.of(new FaultEvent.Skew(0, 1, 100, 100)));
        MemorySink sink = new MemorySink();
        s.simulate(sink);
        ReplayResult r = replay(EventSource.of(sink.recordedHeader(), sink.events()));
        assertTrue(r.conforms(), clock + ": " + r.failure());
        List<WriteRecord> lost = new ArrayList<>();
        for (TraceEvent e : sink.events()) {
            if (e.state() instanceof ReplicaSnapshot snap && snap.write() != null && snap.write().lostCausallyLaterWrite()) {
                lost.add(snap.write());
            }
        }
        return lost;
    }

    @Test
    void physicalClockUnderSkewLosesACausalWriteAndHlcDoesNot() {
        List<WriteRecord> physical = lostWrites("physical");
        assertFalse(physical.isEmpty(), "physical timestamps under a 100-tick skew should lose a causally later write");
        System.out.println("crdt lww physical under skew (the expected lesson): " + physical.get(0));
        assertEquals(List.of(), lostWrites("hlc"));
    }
}
