package dev.conform.runtime;

import java.util.List;

/**
 * The effects a {@link Node} may request. Calls never throw for network reasons: a send to a
 * crashed or partitioned node is simply lost (and recorded as a drop where the runtime can see it).
 *
 * <p><b>Effects are committed by the runtime, not performed by the call.</b> Every runtime (the
 * seeded and the scripted simulator, the real transport) hands its nodes an {@link EffectBuffer}:
 * {@code send}, {@code setTimer}, {@code cancelTimer}, {@code persist} and {@code action} are
 * written down, and after the handler returns the runtime commits them in one fixed order:
 * <ol>
 *   <li><b>record</b>: the actions and the sends are recorded in the trace in the order the
 *       handler asked for them (so a message's trace event follows the actions that produced it);</li>
 *   <li><b>persist</b>: the last state the handler persisted becomes durable (on the real
 *       transport: written and fsynced, after the trace is flushed);</li>
 *   <li><b>send and arm timers</b>: messages go on the wire and timers are armed or cancelled,
 *       in the order asked.</li>
 * </ol>
 * So no message leaves before the state it depends on is durable, whatever order a handler
 * wrote its calls in. Handlers never see their own effects take place mid-handler.
 *
 * @param <M> the algorithm's message type
 */
public interface Context<M> {
    /** This node's id. */
    int self();

    /** All node ids of the cluster, this one included, in ascending order. */
    List<Integer> nodes();

    /** Sends {@code msg} to node {@code to}. */
    void send(int to, M msg);

    /** Sends {@code msg} to every other node of the cluster. */
    default void broadcast(M msg) {
        for (int n : nodes()) {
            if (n != self()) {
                send(n, msg);
            }
        }
    }

    /**
     * Sets (or resets) the timer {@code name} to fire after a number of logical ticks that the
     * runtime picks in {@code [minTicks, maxTicks]} from its seeded random source (and skews
     * when the fault plan says so). Randomised election timeouts are asked for this way.
     */
    void setTimer(String name, long minTicks, long maxTicks);

    /** Cancels the timer {@code name}; no-op when it is not set. */
    void cancelTimer(String name);

    /**
     * Replaces this node's durable state with {@code state}, an immutable value that Jackson can
     * write. Only this survives a crash; a restarted node is rebuilt from it. The state is made
     * durable (fsync on the real transport) before any message of the same handler leaves; when
     * a handler persists several times, the last state counts.
     */
    void persist(Object state);

    /** The node's local clock reading in ticks; skewed per node when the fault plan says so. */
    long localTime();

    /** True when events are being recorded; lets nodes skip building trace payloads. */
    boolean tracing();

    /**
     * Records the spec action {@code name} that this node just took, with the spec-relevant state
     * after it (any Jackson-writable value, typically a map or record; logged in full, not
     * summarised). Ignored when {@link #tracing()} is false.
     */
    void action(String name, Object state);
}
