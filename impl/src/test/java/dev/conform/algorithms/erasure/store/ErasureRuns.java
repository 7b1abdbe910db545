package dev.conform.algorithms.erasure.store;

import dev.conform.checker.invariants.ReplayResult;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.Verdicts;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.TraceSink;
import java.util.List;

/**
 * Seeded chaos runs of the erasure-coded store with disk loss, as {@code ./conform run erasure
 * --seed S --chaos high --horizon 1000 --steps 20000 --option diskLoss=true} (plus {@link #OPTIONS}).
 */
final class ErasureRuns {
    static final long HORIZON = 1_000;
    static final long STEPS = 20_000;
    static final Options OPTIONS = Options.empty().with("diskLoss", true);

    private ErasureRuns() {
    }

    static List<Integer> servers(Options options) {
        ErasureConfig c = ErasureAlgorithm.config(options);
        return java.util.stream.IntStream.rangeClosed(1, c.storageNodes() + 1).boxed().toList();
    }

    static FaultPlan plan(long seed, Options options) {
        List<Integer> servers = servers(options);
        return PlanGenerator.generate(seed, servers, HORIZON, Intensity.HIGH,
                new ErasureAlgorithm().diskLoss(servers, options));
    }

    static Simulator<ErasureMessage> simulator(long seed, Options options, TraceSink sink) {
        SimConfig cfg = SimConfig.of(servers(options).size(), seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(STEPS)
                .withOptions(options);
        return new Simulator<>(new ErasureAlgorithm(), cfg, plan(seed, options), sink);
    }

    static RunResult run(long seed, Options options, TraceSink sink) {
        return simulator(seed, options, sink).run();
    }

    /** The Java invariants' verdict on the chaos run of {@code seed}. */
    static ReplayResult judge(long seed, Options options) {
        ListSink sink = new ListSink();
        run(seed, options, sink);
        return Verdicts.judge(sink);
    }

    static String replay(long seed, Options options) {
        StringBuilder b = new StringBuilder("./conform run erasure --seed ").append(seed).append(" --chaos high --horizon ")
                .append(HORIZON).append(" --steps ").append(STEPS).append(" --servers ").append(servers(options).size());
        options.values().forEach((k, v) -> b.append(" --option ").append(k).append('=').append(v));
        options.flaws().forEach(f -> b.append(" --flaw ").append(f));
        return b.toString();
    }
}
