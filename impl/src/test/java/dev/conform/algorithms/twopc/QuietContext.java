package dev.conform.algorithms.twopc;

import dev.conform.runtime.ForwardingContext;
import dev.conform.runtime.RecordingContext;

/** A context that is not tracing: an action reaching it is a bug in the node. */
final class QuietContext extends ForwardingContext<TwoPhaseMessage> {
    QuietContext(RecordingContext<TwoPhaseMessage> rec) {
        super(rec);
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
