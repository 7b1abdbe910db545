package dev.conform.runtime.sim;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.tracing.TraceSink;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything that determines a simulated run: algorithm, configuration (seed, network, budget,
 * options and flaws) and fault plan. Running a scenario twice gives the same run.
 */
public record Scenario(Algorithm<?> algorithm, SimConfig config, FaultPlan plan) {
    public Scenario {
        plan = plan == null ? FaultPlan.none() : plan;
    }

    public Scenario withPlan(FaultPlan p) {
        return new Scenario(algorithm, config, p);
    }

    public Scenario withMaxSteps(long steps) {
        return new Scenario(algorithm, config.withMaxSteps(steps), plan);
    }

    /** Runs the scenario into {@code sink} (may be null) and returns the finished simulator. */
    public Simulator<?> simulate(TraceSink sink) {
        return start(algorithm, sink);
    }

    private <M> Simulator<M> start(Algorithm<M> a, TraceSink sink) {
        Simulator<M> sim = new Simulator<>(a, config, plan, sink);
        sim.run();
        return sim;
    }

    /**
     * The {@code conform run} command line that replays this scenario, given the file the plan was
     * written to (null when the plan is empty).
     */
    public String replayCommand(Path planFile) {
        StringBuilder b = new StringBuilder("conform run ").append(algorithm.name())
                .append(" --seed ").append(config.seed());
        if (planFile != null && !plan.events().isEmpty()) {
            b.append(" --plan ").append(planFile);
        }
        b.append(" --steps ").append(config.maxSteps());
        if (config.maxTime() != Long.MAX_VALUE) {
            b.append(" --time ").append(config.maxTime());
        }
        b.append(" --servers ").append(config.servers());
        if (config.net() != NetSemantics.RELIABLE) {
            b.append(" --net ").append(config.net().wireName());
        }
        Options o = config.options();
        for (String f : o.flaws()) {
            b.append(" --flaw ").append(f);
        }
        for (Map.Entry<String, String> e : o.values().entrySet()) {
            b.append(" --option ").append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }
}
