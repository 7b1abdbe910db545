package dev.conform.runtime;

/**
 * An algorithm node: a pure state machine driven by the runtime.
 *
 * <p>Handlers run one at a time and must not block, start threads, read clocks, draw random
 * numbers or touch sockets or files. Everything they want to happen in the world is an effect
 * requested through the {@link Context}: sending, timers, persisting, recording spec actions.
 * That is what lets the simulator replay a run from its seed, byte for byte, and lets the same
 * node code run over a real TCP transport.
 *
 * @param <M> the algorithm's message type (usually a sealed interface of records)
 */
public interface Node<M> {
    /** Called once when the node starts, and again after every restart. */
    void onStart(Context<M> ctx);

    /** Called when the network delivers {@code msg}, sent by node {@code from}. */
    void onMessage(Context<M> ctx, int from, M msg);

    /** Called when the timer named {@code timer} (set through the context) fires. */
    void onTimer(Context<M> ctx, String timer);
}
