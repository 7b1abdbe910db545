package dev.conform.cli.gate;

import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.NodeFailure;
import dev.conform.runtime.sim.Scenario;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.tracing.MemorySink;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.io.TraceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One chaos run: the scenario a seed stands for (random fault plan from the seed), simulated and
 * checked by the algorithm's Java invariants. Shared by {@code conform gate} and {@code conform explore}.
 */
public final class ChaosRunner {
    private final Algorithm<?> algorithm;
    private final InvariantSet<?> invariants;
    private final long steps;
    private final long horizon;
    private final Intensity intensity;
    private final Options options;

    /** @param invariants the algorithm's invariant set (null: runs can only be simulated, not checked) */
    public ChaosRunner(Algorithm<?> algorithm, InvariantSet<?> invariants, long steps, long horizon,
            Intensity intensity, Options options) {
        this.algorithm = algorithm;
        this.invariants = invariants;
        this.steps = steps;
        this.horizon = horizon;
        this.intensity = intensity;
        this.options = options;
    }

    /** The run seed {@code seed} stands for. */
    public Scenario scenario(long seed) {
        SimConfig cfg = SimConfig.of(algorithm.defaultServers(options), seed).withNet(algorithm.defaultNet())
                .withMaxSteps(steps).withOptions(options);
        List<Integer> servers = new ArrayList<>();
        for (int i = 1; i <= cfg.servers(); i++) {
            servers.add(i);
        }
        FaultPlan plan = PlanGenerator.generate(seed, servers, horizon, intensity, algorithm.diskLoss(servers, options));
        return new Scenario(algorithm, cfg, plan);
    }

    /** Runs {@code s} writing its NDJSON trace to {@code trace}; null when it ran, else the failure. */
    public RunCheck simulateToFile(Scenario s, Path trace) {
        try (NdjsonSink sink = new NdjsonSink(trace)) {
            s.simulate(sink);
            return null;
        } catch (NodeFailure e) {
            return new RunCheck(s, RunCheck.Kind.CRASHED, e.getMessage(), 0);
        } catch (RuntimeException e) {
            return new RunCheck(s, RunCheck.Kind.ERROR, "the run failed: " + e, 0);
        }
    }

    /** Runs {@code s} writing its NDJSON trace to {@code trace}, then replays the file through the invariants. */
    public RunCheck runToFile(Scenario s, Path trace) {
        RunCheck failed = simulateToFile(s, trace);
        if (failed != null) {
            return failed;
        }
        if (invariants == null) {
            throw new IllegalStateException("no invariant set to check " + algorithm.name() + " runs with");
        }
        try (TraceReader r = TraceReader.open(trace)) {
            return judge(s, replay(EventSource.of(r), invariants));
        } catch (TraceFormatException e) {
            return new RunCheck(s, RunCheck.Kind.ERROR, "the simulator wrote a bad trace: " + e.getMessage(), 0);
        }
    }

    /** Runs {@code s} in memory (for shrinking, where a run is repeated many times). */
    public RunCheck runInMemory(Scenario s) {
        if (invariants == null) {
            throw new IllegalStateException("no invariant set to check " + algorithm.name() + " runs with");
        }
        MemorySink sink = new MemorySink();
        try {
            s.simulate(sink);
        } catch (NodeFailure e) {
            return new RunCheck(s, RunCheck.Kind.CRASHED, e.getMessage(), 0);
        } catch (RuntimeException e) {
            return new RunCheck(s, RunCheck.Kind.ERROR, "the run failed: " + e, 0);
        }
        return judge(s, replay(EventSource.of(sink.recordedHeader(), sink.events()), invariants));
    }

    private static RunCheck judge(Scenario s, ReplayResult r) {
        if (r.conforms()) {
            return new RunCheck(s, RunCheck.Kind.PASSED, null, r.events(), r.coverage());
        }
        return new RunCheck(s, RunCheck.Kind.VIOLATED, r.failure().message(), r.events(), r.coverage());
    }

    private static <S> ReplayResult replay(EventSource source, InvariantSet<S> set) {
        return new ReplayEngine().replay(source, set);
    }
}
