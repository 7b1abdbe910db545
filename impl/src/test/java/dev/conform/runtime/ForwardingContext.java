package dev.conform.runtime;

import java.util.List;

/** A context passing every call to another one; tests override just the calls they watch or forbid. */
public class ForwardingContext<M> implements Context<M> {
    protected final Context<M> inner;

    public ForwardingContext(Context<M> inner) {
        this.inner = inner;
    }

    @Override
    public int self() {
        return inner.self();
    }

    @Override
    public List<Integer> nodes() {
        return inner.nodes();
    }

    @Override
    public void send(int to, M msg) {
        inner.send(to, msg);
    }

    @Override
    public void setTimer(String name, long minTicks, long maxTicks) {
        inner.setTimer(name, minTicks, maxTicks);
    }

    @Override
    public void cancelTimer(String name) {
        inner.cancelTimer(name);
    }

    @Override
    public void persist(Object state) {
        inner.persist(state);
    }

    @Override
    public long localTime() {
        return inner.localTime();
    }

    @Override
    public boolean tracing() {
        return inner.tracing();
    }

    @Override
    public void action(String name, Object state) {
        inner.action(name, state);
    }
}
