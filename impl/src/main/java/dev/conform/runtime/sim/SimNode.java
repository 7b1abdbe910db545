package dev.conform.runtime.sim;

import dev.conform.runtime.EffectBuffer;
import dev.conform.runtime.EffectTarget;
import dev.conform.runtime.Node;
import java.util.HashMap;
import java.util.List;

/**
 * The simulator's book-keeping for one node, the {@link EffectBuffer} its handlers write to, and
 * the target its effects are committed to.
 */
final class SimNode<M> extends EffectBuffer<M> implements EffectTarget<M> {
    final Simulator<M> sim;
    final int index;
    final int id;
    final boolean client;
    final List<Integer> view;

    Node<M> node;
    boolean up;
    int incarnation;
    /** Armed timers: name to its one pending firing. */
    final HashMap<String, SimEvent> timers = new HashMap<>();
    Object persisted;

    double skewRate = 1.0;
    long skewAt;
    long skewBase;

    SimNode(Simulator<M> sim, int index, int id, boolean client, List<Integer> view) {
        this.sim = sim;
        this.index = index;
        this.id = id;
        this.client = client;
        this.view = view;
    }

    @Override
    public int self() {
        return id;
    }

    @Override
    public List<Integer> nodes() {
        return view;
    }

    @Override
    public long localTime() {
        return skewBase + (long) (skewRate * (sim.now() - skewAt));
    }

    @Override
    public boolean tracing() {
        return sim.tracer != null;
    }

    // ---- commit ---------------------------------------------------------------------------

    @Override
    public void recordAction(String name, Object state) {
        if (sim.tracer != null) {
            sim.tracer.action(index, name, state);
        }
    }

    @Override
    public Object recordSend(int to, M msg) {
        return sim.send(this, to, msg);
    }

    @Override
    public long timerTicks(String name, long minTicks, long maxTicks) {
        return sim.timerTicks(minTicks, maxTicks);
    }

    @Override
    public void makeDurable(Object state) {
        persisted = state;
    }

    @Override
    public void transmit(Object sent) {
        sim.transmit((SimEvent) sent);
    }

    @Override
    public void arm(String name, long ticks) {
        sim.setTimer(this, name, ticks);
    }

    @Override
    public void cancel(String name) {
        sim.cancelTimer(this, name);
    }
}
