package dev.conform.runtime;

import java.util.List;

/**
 * The effects a {@link Node} may request. Implemented by the simulator and by the real
 * transport. Calls never throw for network reasons: a send to a crashed or partitioned node is
 * simply lost (and recorded as a drop where the runtime can see it).
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
     * write. Only this survives a crash; a restarted node is rebuilt from it. In real-transport
     * mode the call returns after the state is on disk (fsync), so a node that persists before
     * answering keeps its promise.
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
