package dev.conform.runtime.sim;

import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import java.util.HashMap;
import java.util.List;

/** The simulator's book-keeping for one node, and the {@link Context} its handlers see. */
final class SimNode<M> implements Context<M> {
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
    public void send(int to, M msg) {
        sim.send(this, to, msg);
    }

    @Override
    public void setTimer(String name, long minTicks, long maxTicks) {
        sim.setTimer(this, name, minTicks, maxTicks);
    }

    @Override
    public void cancelTimer(String name) {
        sim.cancelTimer(this, name);
    }

    @Override
    public void persist(Object state) {
        persisted = state;
    }

    @Override
    public long localTime() {
        return skewBase + (long) (skewRate * (sim.now() - skewAt));
    }

    @Override
    public boolean tracing() {
        return sim.tracer != null;
    }

    @Override
    public void action(String name, Object state) {
        if (sim.tracer != null) {
            sim.tracer.action(index, name, state);
        }
    }
}
