package dev.conform.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link Context} every runtime hands to its nodes: effects are written down, not performed,
 * and the runtime commits them with {@link #commit} once the handler has returned, in the order
 * {@link EffectTarget} describes (record, persist, then send and arm timers). Persisting before
 * anything leaves the node is therefore the runtime's guarantee, not each handler's discipline.
 *
 * <p>A runtime subclasses this once per node for the node's identity, view and clock. Only the
 * last {@link #persist} of a handler counts: nothing can observe the ones before it.
 *
 * <p>This is also the one place where a Byzantine node's sends are replaced: once a runtime arms
 * an {@link Adversary} ({@link #byzantine(Adversary)}), every commit hands the handler's sends to
 * it first, and what it returns is recorded and sent instead, after the handler's other effects.
 *
 * @param <M> the algorithm's message type
 */
public abstract class EffectBuffer<M> implements Context<M> {
    private static final byte ACTION = 0;
    private static final byte SEND = 1;
    private static final byte SET_TIMER = 2;
    private static final byte CANCEL_TIMER = 3;

    // One entry per effect in call order, as parallel arrays reused across handlers: the
    // simulator's hot path then allocates nothing per effect.
    private byte[] kinds = new byte[16];
    private int[] targets = new int[16];
    private String[] names = new String[16];
    private Object[] values = new Object[16];
    private long[] lows = new long[16];
    private long[] highs = new long[16];
    private int size;
    private boolean persistAsked;
    private Object persistState;
    /** Null for an honest node (the hot path then only tests this field). */
    private Adversary<M> adversary;
    private int receivedFrom;
    private M received;

    /**
     * Makes this node Byzantine from its next commit on: its sends go through {@code adversary}
     * (replacing any adversary armed before).
     */
    public final void byzantine(Adversary<M> adversary) {
        this.adversary = adversary;
    }

    /** Whether an adversary controls this node's sends. */
    public final boolean byzantine() {
        return adversary != null;
    }

    /**
     * Tells the buffer which delivery the next handler handles, for the adversary (a no-op for an
     * honest node). A runtime calls it just before {@code onMessage}.
     */
    public final void delivering(int from, M msg) {
        if (adversary != null) {
            receivedFrom = from;
            received = msg;
        }
    }

    @Override
    public final void send(int to, M msg) {
        if (msg == null) {
            throw new IllegalArgumentException("node " + self() + " sent a null message");
        }
        add(SEND, to, null, msg, 0, 0);
    }

    @Override
    public final void setTimer(String name, long minTicks, long maxTicks) {
        if (minTicks < 1 || maxTicks < minTicks) {
            throw new IllegalArgumentException("node " + self() + " timer " + name
                    + ": need 1 <= minTicks <= maxTicks, got " + minTicks + ".." + maxTicks);
        }
        add(SET_TIMER, 0, name, null, minTicks, maxTicks);
    }

    @Override
    public final void cancelTimer(String name) {
        add(CANCEL_TIMER, 0, name, null, 0, 0);
    }

    @Override
    public final void persist(Object state) {
        persistAsked = true;
        persistState = state;
    }

    @Override
    public final void action(String name, Object state) {
        add(ACTION, 0, name, state, 0, 0);
    }

    /** True when the current handler asked for nothing yet. */
    public final boolean empty() {
        return size == 0 && !persistAsked;
    }

    /** Commits the buffered effects to {@code t} and empties the buffer (also when {@code t} throws). */
    @SuppressWarnings("unchecked")
    public final void commit(EffectTarget<M> t) {
        if (adversary != null) {
            corrupt();
        }
        int n = size;
        if (n == 0 && !persistAsked) {
            return;
        }
        try {
            for (int i = 0; i < n; i++) {
                switch (kinds[i]) {
                    case ACTION -> t.recordAction(names[i], values[i]);
                    case SEND -> values[i] = t.recordSend(targets[i], (M) values[i]);
                    case SET_TIMER -> lows[i] = t.timerTicks(names[i], lows[i], highs[i]);
                    default -> {
                    }
                }
            }
            t.recorded();
            if (persistAsked) {
                persistAsked = false;
                Object state = persistState;
                persistState = null;
                t.makeDurable(state);
            }
            // The last pass also drops the references, so an ordinary commit needs no clearing.
            for (int i = 0; i < n; i++) {
                switch (kinds[i]) {
                    case SEND -> {
                        Object sent = values[i];
                        if (sent != null) {
                            values[i] = null;
                            t.transmit(sent);
                        }
                    }
                    case SET_TIMER -> t.arm(names[i], lows[i]);
                    case CANCEL_TIMER -> t.cancel(names[i]);
                    default -> values[i] = null;
                }
            }
            size = 0;
        } finally {
            if (size != 0) {
                discard();
            }
        }
    }

    /**
     * Takes the handler's sends out of the buffer, in order, and adds what the adversary sends
     * instead after the remaining effects.
     */
    @SuppressWarnings("unchecked")
    private void corrupt() {
        Adversary.Envelope<M> in = received == null ? null : new Adversary.Envelope<>(receivedFrom, received);
        received = null;
        List<Adversary.Envelope<M>> honest = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (kinds[i] == SEND) {
                honest.add(new Adversary.Envelope<>(targets[i], (M) values[i]));
                continue;
            }
            kinds[kept] = kinds[i];
            targets[kept] = targets[i];
            names[kept] = names[i];
            values[kept] = values[i];
            lows[kept] = lows[i];
            highs[kept] = highs[i];
            kept++;
        }
        Arrays.fill(names, kept, size, null);
        Arrays.fill(values, kept, size, null);
        size = kept;
        for (Adversary.Envelope<M> e : adversary.sends(in, List.copyOf(honest))) {
            send(e.peer(), e.msg());
        }
    }

    /** Forgets the buffered effects (a node that crashed or was closed mid-way). */
    public final void discard() {
        received = null;
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        persistAsked = false;
        persistState = null;
    }

    private void add(byte kind, int to, String name, Object value, long low, long high) {
        int i = size;
        if (i == kinds.length) {
            grow();
        }
        kinds[i] = kind;
        targets[i] = to;
        names[i] = name;
        values[i] = value;
        lows[i] = low;
        highs[i] = high;
        size = i + 1;
    }

    private void grow() {
        int cap = size * 2;
        kinds = Arrays.copyOf(kinds, cap);
        targets = Arrays.copyOf(targets, cap);
        names = Arrays.copyOf(names, cap);
        values = Arrays.copyOf(values, cap);
        lows = Arrays.copyOf(lows, cap);
        highs = Arrays.copyOf(highs, cap);
    }
}
