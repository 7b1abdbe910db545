package dev.conform.runtime.contract;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.runtime.sim.StopReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/** A {@link TestCluster} in the simulator: down nodes crash at time 0, before any delivery. */
final class SimCluster<M> implements TestCluster<M> {
    private final Algorithm<M> algorithm;
    private final SimConfig config;
    private final FaultPlan plan;
    private Simulator<M> sim;

    SimCluster(Algorithm<M> algorithm, SimConfig config, Set<Integer> down) {
        this.algorithm = algorithm;
        this.config = config;
        List<FaultEvent> crashes = new ArrayList<>();
        for (int d : down) {
            crashes.add(new FaultEvent.Crash(0, d));
        }
        this.plan = new FaultPlan(crashes);
        await(n -> true);
    }

    @Override
    public boolean await(Predicate<IntFunction<Node<M>>> cond) {
        Algorithm<M> withStop = new Stopping<>(algorithm, c -> c.steps() > 0 && cond.test(c::node));
        sim = new Simulator<>(withStop, config, plan, null);
        return sim.run().reason() == StopReason.STOP_CONDITION;
    }

    @Override
    public void settle() {
        await(n -> false);
    }

    @Override
    public Node<M> node(int id) {
        return sim.node(id);
    }

    @Override
    public long handlerFailures() {
        return 0; // a handler exception would have ended the run with NodeFailure
    }

    @Override
    public void close() {
    }

    /** The algorithm with another stop condition. */
    private record Stopping<M>(Algorithm<M> a, StopCondition<M> stop) implements Algorithm<M> {
        @Override
        public String name() {
            return a.name();
        }

        @Override
        public Class<M> messageType() {
            return a.messageType();
        }

        @Override
        public Map<String, Class<? extends M>> messageTypes() {
            return a.messageTypes();
        }

        @Override
        public Node<M> create(int id, List<Integer> servers, Object persisted, Options options) {
            return a.create(id, servers, persisted, options);
        }

        @Override
        public StopCondition<M> stopCondition(Options options) {
            return stop;
        }
    }
}
