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
import dev.conform.runtime.sim.RunResult;
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
    /** Eventual progress after the plan's last fault, or null when the pairing does not opt in. */
    private final ProgressSettings progress;

    /** @param invariants the algorithm's invariant set (null: runs can only be simulated, not checked) */
    public ChaosRunner(Algorithm<?> algorithm, InvariantSet<?> invariants, long steps, long horizon,
            Intensity intensity, Options options) {
        this(algorithm, invariants, steps, horizon, intensity, options, null);
    }

    /** @param progress the progress rule every run must also pass (null: safety only) */
    public ChaosRunner(Algorithm<?> algorithm, InvariantSet<?> invariants, long steps, long horizon,
            Intensity intensity, Options options, ProgressSettings progress) {
        this.progress = progress;
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
        FaultPlan plan = PlanGenerator.generate(seed, servers, horizon, intensity, algorithm, options);
        return new Scenario(algorithm, cfg, plan);
    }

    /** Runs {@code s} writing its NDJSON trace to {@code trace}; null when it ran, else the failure. */
    public RunCheck simulateToFile(Scenario s, Path trace) {
        return simulate(s, trace).failure();
    }

    /** How a simulation ended: its result, or the failure that ended it. */
    private record Ran(RunResult result, RunCheck failure) {
    }

    private static Ran simulate(Scenario s, Path trace) {
        try (NdjsonSink sink = new NdjsonSink(trace)) {
            return new Ran(s.simulate(sink).result(), null);
        } catch (NodeFailure e) {
            return new Ran(null, new RunCheck(s, RunCheck.Kind.CRASHED, e.getMessage(), 0));
        } catch (RuntimeException e) {
            return new Ran(null, new RunCheck(s, RunCheck.Kind.ERROR, "the run failed: " + e, 0));
        }
    }

    /** Runs {@code s} writing its NDJSON trace to {@code trace}, then replays the file through the invariants. */
    public RunCheck runToFile(Scenario s, Path trace) {
        Ran ran = simulate(s, trace);
        if (ran.failure() != null) {
            return ran.failure();
        }
        if (invariants == null) {
            throw new IllegalStateException("no invariant set to check " + algorithm.name() + " runs with");
        }
        try (TraceReader r = TraceReader.open(trace)) {
            return judge(s, replay(EventSource.of(r), invariants), ran.result());
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
        RunResult ran;
        try {
            ran = s.simulate(sink).result();
        } catch (NodeFailure e) {
            return new RunCheck(s, RunCheck.Kind.CRASHED, e.getMessage(), 0);
        } catch (RuntimeException e) {
            return new RunCheck(s, RunCheck.Kind.ERROR, "the run failed: " + e, 0);
        }
        return judge(s, replay(EventSource.of(sink.recordedHeader(), sink.events()), invariants), ran);
    }

    /** Safety first (its witness is the sharper finding), then progress when the pairing opts in. */
    private RunCheck judge(Scenario s, ReplayResult r, RunResult ran) {
        if (r.conforms()) {
            String stuck = progress == null ? null : progress.violation(s.plan(), ran);
            return new RunCheck(s, stuck == null ? RunCheck.Kind.PASSED : RunCheck.Kind.VIOLATED, stuck, r.events(),
                    r.coverage());
        }
        return new RunCheck(s, RunCheck.Kind.VIOLATED, r.failure().message(), r.events(), r.coverage());
    }

    private static <S> ReplayResult replay(EventSource source, InvariantSet<S> set) {
        return new ReplayEngine().replay(source, set);
    }
}
