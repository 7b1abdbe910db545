package dev.conform.algorithms.twopc;

import dev.conform.runtime.Context;
import dev.conform.runtime.RecordingContext;
import java.util.ArrayList;
import java.util.List;

/** Wraps a {@link RecordingContext} and also notes the order of persists and sends. */
final class OrderedContext implements Context<TwoPhaseMessage> {
    final RecordingContext<TwoPhaseMessage> rec;
    final List<String> effects = new ArrayList<>();

    OrderedContext(RecordingContext<TwoPhaseMessage> rec) {
        this.rec = rec;
    }

    @Override
    public int self() {
        return rec.self();
    }

    @Override
    public List<Integer> nodes() {
        return rec.nodes();
    }

    @Override
    public void send(int to, TwoPhaseMessage msg) {
        effects.add("send " + msg.getClass().getSimpleName() + " to " + to);
        rec.send(to, msg);
    }

    @Override
    public void setTimer(String name, long minTicks, long maxTicks) {
        rec.setTimer(name, minTicks, maxTicks);
    }

    @Override
    public void cancelTimer(String name) {
        rec.cancelTimer(name);
    }

    @Override
    public void persist(Object state) {
        effects.add("persist " + state);
        rec.persist(state);
    }

    @Override
    public long localTime() {
        return rec.localTime();
    }

    @Override
    public boolean tracing() {
        return rec.tracing();
    }

    @Override
    public void action(String name, Object state) {
        effects.add("action " + name);
        rec.action(name, state);
    }

    /** Index of the first effect starting with {@code prefix}, failing the test if absent. */
    int first(String prefix) {
        for (int i = 0; i < effects.size(); i++) {
            if (effects.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no effect starting with '" + prefix + "' in " + effects);
    }
}
