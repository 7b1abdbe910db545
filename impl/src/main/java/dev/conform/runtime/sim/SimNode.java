package dev.conform.runtime.sim;

import dev.conform.runtime.EffectBuffer;
import dev.conform.runtime.EffectTarget;
import dev.conform.runtime.Node;
import java.util.HashMap;
import java.util.List;

/**
 * One node of a {@link World}: its book-keeping, the {@link EffectBuffer} its handlers write to,
 * and the target its effects are committed to (the persisted state here, the rest through the
 * world's {@link Scheduler}).
 */
final class SimNode<M> extends EffectBuffer<M> implements EffectTarget<M> {
    final World<M> world;
    final int index;
    final int id;
    final boolean client;
    final List<Integer> view;

    Node<M> node;
    boolean up;
    int incarnation;
    /** Armed timers: name to its one pending firing (time = due, seq = arming order). */
    final HashMap<String, SimEvent> timers = new HashMap<>();
    Object persisted;

    double skewRate = 1.0;
    long skewAt;
    long skewBase;

    SimNode(World<M> world, int index, int id, boolean client, List<Integer> view) {
        this.world = world;
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
        return skewBase + (long) (skewRate * (world.now - skewAt));
    }

    @Override
    public boolean tracing() {
        return world.scheduler.tracing();
    }

    // ---- commit ---------------------------------------------------------------------------

    @Override
    public void recordAction(String name, Object state) {
        world.scheduler.recordAction(this, name, state);
    }

    @Override
    public Object recordSend(int to, M msg) {
        return world.scheduler.recordSend(this, to, msg);
    }

    @Override
    public long timerTicks(String name, long minTicks, long maxTicks) {
        return world.scheduler.timerTicks(this, minTicks, maxTicks);
    }

    @Override
    public void makeDurable(Object state) {
        persisted = state;
    }

    @Override
    public void transmit(Object sent) {
        world.scheduler.transmit(this, sent);
    }

    @Override
    public void arm(String name, long ticks) {
        world.scheduler.arm(this, name, ticks);
    }

    @Override
    public void cancel(String name) {
        world.scheduler.cancel(this, name);
    }
}
