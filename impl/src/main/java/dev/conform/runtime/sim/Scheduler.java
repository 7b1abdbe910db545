package dev.conform.runtime.sim;

import dev.conform.runtime.ClusterView;
import dev.conform.runtime.Node;
import java.util.List;

/**
 * What decides the order of events in a {@link World}: the seeded {@link Simulator} (an agenda
 * and a random source) or the scripted {@link SteppedSimulator} (the caller). The world calls it
 * to commit a node's effects (see {@link dev.conform.runtime.EffectTarget}, whose methods these
 * mirror with the node added) and to learn of crashes and restarts. Both simulators are inspected
 * as the {@link ClusterView} of their world, defined once here.
 *
 * <p>An abstract class rather than an interface so that these hooks stay package-private and
 * out of the simulators' public API.
 *
 * @param <M> the algorithm's message type
 */
abstract class Scheduler<M> implements ClusterView<M> {
    /** The world this scheduler drives. */
    abstract World<M> world();

    /** Whether handlers should build trace payloads. */
    abstract boolean tracing();

    abstract void recordAction(SimNode<M> n, String name, Object state);

    /** Records a send; returns what {@link #transmit} puts in flight, or null when it is lost already. */
    abstract Object recordSend(SimNode<M> n, int to, M msg);

    abstract long timerTicks(SimNode<M> n, long minTicks, long maxTicks);

    abstract void transmit(SimNode<M> n, Object sent);

    abstract void arm(SimNode<M> n, String name, long ticks);

    abstract void cancel(SimNode<M> n, String name);

    /** Node {@code n} just crashed (it is down, its timers are gone). */
    abstract void crashed(SimNode<M> n);

    /** Node {@code n} was rebuilt from {@code restored}; its onStart runs next. */
    abstract void restarted(SimNode<M> n, Object restored);

    // ---- ClusterView ---------------------------------------------------------------------

    @Override
    public List<Integer> servers() {
        return world().serverIds;
    }

    @Override
    public List<Integer> clients() {
        return world().clientIds;
    }

    @Override
    public Node<M> node(int id) {
        SimNode<M> n = world().slot(id);
        return n == null ? null : n.node;
    }

    @Override
    public long now() {
        return world().now;
    }

    @Override
    public long steps() {
        return world().steps;
    }
}
