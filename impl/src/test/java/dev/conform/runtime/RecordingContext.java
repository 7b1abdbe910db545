package dev.conform.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Context} for unit tests of one node: it performs nothing and records every effect,
 * so a test can drive a node's handlers by hand and assert on what it asked for.
 */
public final class RecordingContext<M> implements Context<M> {
    /** A message the node asked to send. */
    public record Sent<M>(int to, M msg) {
    }

    /** A timer the node asked for. */
    public record Timer(String name, long minTicks, long maxTicks) {
    }

    /** A spec action the node recorded. */
    public record Action(String name, Object state) {
    }

    private final int self;
    private final List<Integer> nodes;
    public final List<Sent<M>> sent = new ArrayList<>();
    public final Map<String, Timer> timers = new LinkedHashMap<>();
    public final List<Action> actions = new ArrayList<>();
    public Object persisted;
    public long time;
    /** What {@link #tracing()} says; while false, a recorded action is a bug in the node. */
    public boolean tracing = true;

    public RecordingContext(int self, List<Integer> nodes) {
        this.self = self;
        this.nodes = List.copyOf(nodes);
    }

    /** Forgets the effects recorded so far (timers and persisted state stay). */
    public void clearOutputs() {
        sent.clear();
        actions.clear();
    }

    /** The messages sent so far to {@code to}. */
    public List<M> sentTo(int to) {
        List<M> out = new ArrayList<>();
        for (Sent<M> s : sent) {
            if (s.to() == to) {
                out.add(s.msg());
            }
        }
        return out;
    }

    @Override
    public int self() {
        return self;
    }

    @Override
    public List<Integer> nodes() {
        return nodes;
    }

    @Override
    public void send(int to, M msg) {
        sent.add(new Sent<>(to, msg));
    }

    @Override
    public void setTimer(String name, long minTicks, long maxTicks) {
        timers.put(name, new Timer(name, minTicks, maxTicks));
    }

    @Override
    public void cancelTimer(String name) {
        timers.remove(name);
    }

    @Override
    public void persist(Object state) {
        persisted = state;
    }

    @Override
    public long localTime() {
        return time;
    }

    @Override
    public boolean tracing() {
        return tracing;
    }

    @Override
    public void action(String name, Object state) {
        if (!tracing) {
            throw new AssertionError("action " + name + " recorded while not tracing");
        }
        actions.add(new Action(name, state));
    }
}
