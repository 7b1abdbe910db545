package dev.conform.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one node's handlers by hand for a unit test and records what the runtime would commit:
 * the node writes to the runtime's own {@link EffectBuffer}, and after each handler the buffer is
 * committed here, in the runtime's order (actions, then the persisted state, then sends and
 * timers). Nothing is performed: messages and timers are only noted.
 */
public final class EffectLog<M> extends EffectBuffer<M> implements EffectTarget<M> {
    /** A message the node sent. */
    public record Sent<M>(int to, M msg) {
    }

    /** A timer the node armed. */
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
    /** Commit order: "action Name", "persist", "send Type to id". */
    public final List<String> effects = new ArrayList<>();
    /** The last state made durable. */
    public Object persisted;
    public long time;
    /** What {@link #tracing()} says; while false, a recorded action is a bug in the node. */
    public boolean tracing = true;
    private final ArrayDeque<Timer> drawn = new ArrayDeque<>();

    public EffectLog(int self, List<Integer> nodes) {
        this.self = self;
        this.nodes = List.copyOf(nodes);
    }

    // ---- driving the node: one handler, then its commit ------------------------------------

    public void start(Node<M> node) {
        node.onStart(this);
        commit(this);
    }

    public void deliver(Node<M> node, int from, M msg) {
        node.onMessage(this, from, msg);
        commit(this);
    }

    public void fire(Node<M> node, String timer) {
        node.onTimer(this, timer);
        commit(this);
    }

    // ---- reading what was committed ---------------------------------------------------------

    /** Forgets the messages, actions and effect order noted so far (timers and persisted state stay). */
    public void clearOutputs() {
        sent.clear();
        actions.clear();
        effects.clear();
    }

    /** The messages sent so far to {@code to}. */
    public List<M> sentTo(int to) {
        return sent.stream().filter(s -> s.to() == to).map(Sent::msg).toList();
    }

    /** The names of the actions recorded so far. */
    public List<String> actionNames() {
        return actions.stream().map(Action::name).toList();
    }

    /** Index in {@link #effects} of the first effect starting with {@code prefix}; fails if absent. */
    public int first(String prefix) {
        for (int i = 0; i < effects.size(); i++) {
            if (effects.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no effect starting with '" + prefix + "' in " + effects);
    }

    // ---- Context ----------------------------------------------------------------------------

    @Override
    public int self() {
        return self;
    }

    @Override
    public List<Integer> nodes() {
        return nodes;
    }

    @Override
    public long localTime() {
        return time;
    }

    @Override
    public boolean tracing() {
        return tracing;
    }

    // ---- EffectTarget -----------------------------------------------------------------------

    @Override
    public void recordAction(String name, Object state) {
        if (!tracing) {
            throw new AssertionError("action " + name + " recorded while not tracing");
        }
        actions.add(new Action(name, state));
        effects.add("action " + name);
    }

    @Override
    public Object recordSend(int to, M msg) {
        return new Sent<>(to, msg);
    }

    @Override
    public long timerTicks(String name, long minTicks, long maxTicks) {
        drawn.add(new Timer(name, minTicks, maxTicks));
        return maxTicks;
    }

    @Override
    public void makeDurable(Object state) {
        persisted = state;
        effects.add("persist");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void transmit(Object sent) {
        Sent<M> s = (Sent<M>) sent;
        this.sent.add(s);
        effects.add("send " + s.msg().getClass().getSimpleName() + " to " + s.to());
    }

    @Override
    public void arm(String name, long ticks) {
        timers.put(name, drawn.remove());
    }

    @Override
    public void cancel(String name) {
        timers.remove(name);
    }
}
