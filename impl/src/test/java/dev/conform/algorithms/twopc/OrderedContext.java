package dev.conform.algorithms.twopc;

import dev.conform.runtime.EffectBuffer;
import dev.conform.runtime.EffectTarget;
import dev.conform.runtime.RecordingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Buffers a handler's effects like every runtime does and, on {@link #handled}, commits them to a
 * {@link RecordingContext}, noting the order in which persists, sends and actions took effect.
 */
final class OrderedContext extends EffectBuffer<TwoPhaseMessage> implements EffectTarget<TwoPhaseMessage> {
    final RecordingContext<TwoPhaseMessage> rec;
    final List<String> effects = new ArrayList<>();

    OrderedContext(RecordingContext<TwoPhaseMessage> rec) {
        this.rec = rec;
    }

    /** Commits what the handler just asked for, in the runtime's order. */
    void handled() {
        commit(this);
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
    public long localTime() {
        return rec.localTime();
    }

    @Override
    public boolean tracing() {
        return rec.tracing();
    }

    @Override
    public void recordAction(String name, Object state) {
        effects.add("action " + name);
        rec.action(name, state);
    }

    @Override
    public Object recordSend(int to, TwoPhaseMessage msg) {
        return new RecordingContext.Sent<>(to, msg);
    }

    @Override
    public long timerTicks(String name, long minTicks, long maxTicks) {
        return maxTicks;
    }

    @Override
    public void makeDurable(Object state) {
        effects.add("persist " + state);
        rec.persist(state);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void transmit(Object sent) {
        RecordingContext.Sent<TwoPhaseMessage> s = (RecordingContext.Sent<TwoPhaseMessage>) sent;
        effects.add("send " + s.msg().getClass().getSimpleName() + " to " + s.to());
        rec.send(s.to(), s.msg());
    }

    @Override
    public void arm(String name, long ticks) {
        rec.setTimer(name, ticks, ticks);
    }

    @Override
    public void cancel(String name) {
        rec.cancelTimer(name);
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
