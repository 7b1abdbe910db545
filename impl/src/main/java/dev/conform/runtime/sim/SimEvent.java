package dev.conform.runtime.sim;

/**
 * One entry of the simulator's agenda, ordered by (time, seq). A single mutable class for every
 * kind keeps the hot path to one allocation per message.
 */
final class SimEvent {
    static final byte DELIVER = 0;
    static final byte TIMER = 1;
    static final byte FAULT = 2;
    static final byte START = 3;

    long time;
    long seq;
    byte type;
    /** Destination (deliver), owner (timer/start) node index; -1 for cluster faults. */
    int node;
    /** Sender index (deliver). */
    int from;
    /** Incarnation of the destination/owner when scheduled: a crash makes the event stale. */
    int incarnation;
    /** Position in the {@link EventQueue} heap, -1 when not queued. */
    int slot = -1;
    long msgId;
    /** The message (deliver), timer name (timer) or fault event (fault). */
    Object payload;
    /** Sender's clocks at send time; only kept while tracing. */
    long lamport;
    dev.conform.tracing.VectorClock vc;
    /** The network's duplicate of this send, queued with it by transmit. */
    SimEvent twin;

    boolean before(SimEvent o) {
        return time < o.time || (time == o.time && seq < o.seq);
    }
}
