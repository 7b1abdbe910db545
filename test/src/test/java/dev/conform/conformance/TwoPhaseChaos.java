package dev.conform.conformance;

import dev.conform.algorithms.twopc.TwoPhaseAlgorithm;
import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.invariants.twopc.TwoPhaseBatch;
import dev.conform.checker.invariants.twopc.TwoPhaseTraceState;
import dev.conform.runtime.Options;
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
import java.util.List;

/**
 * Seeded chaos runs of two-phase commit as {@code specs/twopc/gate.json} describes them: four
 * servers, a MEDIUM {@link PlanGenerator} plan over {@link #HORIZON} ticks, the gate's step budget,
 * cooperative termination on. Shared by the conformance tests.
 */
final class TwoPhaseChaos {
    static final int SERVERS = 4;
    static final long STEPS = 4_000;
    static final long HORIZON = 500;
    static final Options OPTIONS = Options.empty().with("cooperative", "true");
    static final List<Integer> IDS = List.of(1, 2, 3, 4);

    private TwoPhaseChaos() {
    }

    static Scenario scenario(long seed, long horizon, Options options) {
        FaultPlan plan = PlanGenerator.generate(seed, IDS, horizon, Intensity.MEDIUM);
        SimConfig cfg = SimConfig.of(SERVERS, seed).withMaxSteps(STEPS).withOptions(options);
        return new Scenario(new TwoPhaseAlgorithm(), cfg, plan);
    }

    /** One run replayed against the registered Java invariants; its final state goes into {@code batch}. */
    record Checked(ReplayResult result, TwoPhaseTraceState end) {
    }

    static Checked inMemory(Scenario s, TwoPhaseBatch batch) {
        MemorySink sink = new MemorySink();
        s.simulate(sink);
        ReplayResult r = replay(EventSource.of(sink.recordedHeader(), sink.events()));
        // only a conforming run has a final state to count; a rejected one stops where it was rejected
        return new Checked(r, r.conforms() ? batch.add(EventSource.of(sink.recordedHeader(), sink.events())) : null);
    }

    static Checked toFile(Scenario s, Path trace, TwoPhaseBatch batch) {
        try (TraceSink sink = new NdjsonSink(trace)) {
            s.simulate(sink);
        }
        ReplayResult r;
        try (TraceReader in = TraceReader.open(trace)) {
            r = replay(EventSource.of(in));
        }
        if (!r.conforms()) {
            return new Checked(r, null);
        }
        try (TraceReader in = TraceReader.open(trace)) {
            return new Checked(r, batch.add(EventSource.of(in)));
        }
    }

    static ReplayResult replay(EventSource src) {
        return new ReplayEngine().replay(src, InvariantRegistry.find("twopc").orElseThrow());
    }
}
