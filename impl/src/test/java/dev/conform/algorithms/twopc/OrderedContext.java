package dev.conform.algorithms.twopc;

import dev.conform.runtime.ForwardingContext;
import dev.conform.runtime.RecordingContext;
import java.util.ArrayList;
import java.util.List;

/** Wraps a {@link RecordingContext} and also notes the order of persists, sends and actions. */
final class OrderedContext extends ForwardingContext<TwoPhaseMessage> {
    final RecordingContext<TwoPhaseMessage> rec;
    final List<String> effects = new ArrayList<>();

    OrderedContext(RecordingContext<TwoPhaseMessage> rec) {
        super(rec);
        this.rec = rec;
    }

    @Override
    public void send(int to, TwoPhaseMessage msg) {
        effects.add("send " + msg.getClass().getSimpleName() + " to " + to);
        super.send(to, msg);
    }

    @Override
    public void persist(Object state) {
        effects.add("persist " + state);
        super.persist(state);
    }

    @Override
    public void action(String name, Object state) {
        effects.add("action " + name);
        super.action(name, state);
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
