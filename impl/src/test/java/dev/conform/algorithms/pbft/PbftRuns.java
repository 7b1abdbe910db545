package dev.conform.algorithms.pbft;

import dev.conform.checker.invariants.ReplayResult;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.Verdicts;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.TraceSink;
import java.util.List;

/**
 * Seeded chaos runs of PBFT, as {@code ./conform run pbft --seed S --chaos high --horizon 1500
 * --steps 20000} with {@link #OPTIONS}: four replicas, crashes, restarts, partitions, clock skew and
 * Byzantine replicas.
 */
final class PbftRuns {
    static final List<Integer> SERVERS = List.of(1, 2, 3, 4);
    static final long HORIZON = 1_500;
    static final long STEPS = 20_000;
    static final Options OPTIONS = Options.empty().with("clients", 2).with("ops", 6);

    private PbftRuns() {
    }

    static RunResult run(long seed, Options options, TraceSink sink) {
        SimConfig cfg = SimConfig.of(SERVERS.size(), seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(STEPS)
                .withOptions(options);
        return new Simulator<>(new PbftAlgorithm(), cfg,
                plan(seed, options), sink).run();
    }

    /**
     * The plan {@code ./conform run pbft --chaos high} draws: crashes, restarts, partitions and skew,
     * and on about half the seeds up to f Byzantine replicas with random behaviours.
     */
    static dev.conform.runtime.nemesis.FaultPlan plan(long seed, Options options) {
        return PlanGenerator.generate(seed, SERVERS, HORIZON, Intensity.HIGH, new PbftAlgorithm(), options);
    }

    /** The Java invariants' verdict on the chaos run of {@code seed}. */
    static ReplayResult judge(long seed, Options options) {
        ListSink sink = new ListSink();
        run(seed, options, sink);
        return Verdicts.judge(sink);
    }

    static String replay(long seed, String flaw) {
        StringBuilder b = new StringBuilder("./conform run pbft --seed ").append(seed)
                .append(" --chaos high --horizon ").append(HORIZON).append(" --steps ").append(STEPS);
        OPTIONS.values().forEach((k, v) -> b.append(" --option ").append(k).append('=').append(v));
        return flaw == null ? b.toString() : b.append(" --flaw ").append(flaw).toString();
    }
}
