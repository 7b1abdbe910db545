package dev.conform.runtime.sim;

/**
 * What decides the order of events in a {@link World}: the seeded {@link Simulator} (an agenda
 * and a random source) or the scripted {@link SteppedSimulator} (the caller). The world calls it
 * to commit a node's effects (see {@link dev.conform.runtime.EffectTarget}, whose methods these
 * mirror with the node added) and to learn of crashes and restarts.
 *
 * @param <M> the algorithm's message type
 */
interface Scheduler<M> {
    /** Whether handlers should build trace payloads. */
    boolean tracing();

    void recordAction(SimNode<M> n, String name, Object state);

    /** Records a send; returns what {@link #transmit} puts in flight, or null when it is lost already. */
    Object recordSend(SimNode<M> n, int to, M msg);

    long timerTicks(SimNode<M> n, long minTicks, long maxTicks);

    void transmit(SimNode<M> n, Object sent);

    void arm(SimNode<M> n, String name, long ticks);

    void cancel(SimNode<M> n, String name);

    /** Node {@code n} just crashed (it is down, its timers are gone). */
    void crashed(SimNode<M> n);

    /** Node {@code n} was rebuilt from {@code restored}; its onStart runs next. */
    void restarted(SimNode<M> n, Object restored);
}
