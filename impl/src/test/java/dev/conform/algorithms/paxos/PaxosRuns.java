package dev.conform.algorithms.paxos;

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
 * Seeded chaos runs of Multi-Paxos, as {@code ./conform run paxos --seed S --chaos high --horizon
 * 1000 --steps 2000} with {@link #OPTIONS}: short timeouts and frequent snapshots, so that ballots,
 * crashes, restarts and snapshot catch-up all happen in a short run.
 */
final class PaxosRuns {
    static final List<Integer> SERVERS = List.of(1, 2, 3);
    static final long HORIZON = 1_000;
    static final long STEPS = 2_000;
    static final Options OPTIONS = Options.empty().with("clients", 2).with("ops", 4).with("snapshotEvery", 4)
            .with("electionMin", 40).with("electionMax", 80).with("heartbeat", 15).with("retry", 120);

    private PaxosRuns() {
    }

    static RunResult run(long seed, Options options, TraceSink sink) {
        SimConfig cfg = SimConfig.of(SERVERS.size(), seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(STEPS)
                .withOptions(options);
        return new Simulator<>(new PaxosAlgorithm(), cfg, PlanGenerator.generate(seed, SERVERS, HORIZON, Intensity.HIGH),
                sink).run();
    }

    /** The Java invariants' verdict on the chaos run of {@code seed}. */
    static ReplayResult judge(long seed, Options options) {
        ListSink sink = new ListSink();
        run(seed, options, sink);
        return Verdicts.judge(sink);
    }

    static String replay(long seed, String flaw) {
        StringBuilder b = new StringBuilder("./conform run paxos --seed ").append(seed)
                .append(" --chaos high --horizon ").append(HORIZON).append(" --steps ").append(STEPS);
        OPTIONS.values().forEach((k, v) -> b.append(" --option ").append(k).append('=').append(v));
        return flaw == null ? b.toString() : b.append(" --flaw ").append(flaw).toString();
    }
}
