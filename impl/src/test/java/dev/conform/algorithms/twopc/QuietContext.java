package dev.conform.algorithms.twopc;

import dev.conform.runtime.Context;
import dev.conform.runtime.RecordingContext;
import java.util.List;

/** A context that is not tracing: an action reaching it is a bug in the node. */
final class QuietContext implements Context<TwoPhaseMessage> {
    private final RecordingContext<TwoPhaseMessage> rec;

    QuietContext(RecordingContext<TwoPhaseMessage> rec) {
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
        rec.persist(state);
    }

    @Override
    public long localTime() {
        return rec.localTime();
    }

    @Override
    public boolean tracing() {
        return false;
    }

    @Override
    public void action(String name, Object state) {
        throw new AssertionError("action " + name + " recorded while not tracing");
    }
}
