package dev.conform.runtime;

/**
 * The runtime's side of an {@link EffectBuffer} commit: what a simulator, a scripted simulator or
 * the real transport does with each effect a handler asked for. The buffer calls these in three
 * phases, always in this order (see {@link Context}):
 * <ol>
 *   <li>record, in the order the handler asked: {@link #recordAction}, {@link #recordSend} (the
 *       send's trace event, message id and clocks, and in a simulation its network fate) and
 *       {@link #timerTicks} (the timer's length, drawn from the run's seeded source);</li>
 *   <li>{@link #makeDurable} the last state the handler persisted, if any;</li>
 *   <li>{@link #transmit} each message and {@link #arm}/{@link #cancel} each timer, in the order
 *       asked.</li>
 * </ol>
 * Random draws happen only in phase 1 and in call order, so a seeded run replays exactly.
 *
 * @param <M> the algorithm's message type
 */
public interface EffectTarget<M> {
    void recordAction(String name, Object state);

    /** Records a send; returns what {@link #transmit} puts on the wire, or null when it is lost already. */
    Object recordSend(int to, M msg);

    /** The length in ticks of a timer asked for with {@code [minTicks, maxTicks]} (already checked). */
    long timerTicks(String name, long minTicks, long maxTicks);

    /** Called once phase 1 is over (the real transport flushes its trace here). */
    default void recorded() {
    }

    /** Makes {@code state} the node's durable state (fsync on the real transport). */
    void makeDurable(Object state);

    void transmit(Object sent);

    void arm(String name, long ticks);

    void cancel(String name);
}
