package dev.conform.tracing;

/**
 * One line of a trace after the header.
 *
 * @param seq     global sequence number, or -1 when unknown (per-node traces from a real network)
 * @param node    the node where the event happened
 * @param kind    what happened
 * @param action  spec action name for {@link EventKind#ACTION}, timer name for
 *                {@link EventKind#TIMER}, fault name for {@link EventKind#FAULT}; else null
 * @param msg     the message for send/deliver/drop/duplicate; else null
 * @param state   spec-relevant state after the event (any Jackson-writable value), or null
 * @param lamport Lamport clock after the event, or -1 when not kept
 * @param vc      vector clock after the event, or null when not kept
 */
public record TraceEvent(long seq, int node, EventKind kind, String action, TraceMessage msg,
                         Object state, long lamport, VectorClock vc) {

    /**
     * Checks the fields a reader requires (docs/trace-format.md): a kind; a message for
     * send/deliver/drop/duplicate; an action name for an action. Sinks call this so a producer
     * fails at the faulty call rather than when the trace is read back.
     *
     * @return this event
     * @throws IllegalArgumentException naming the missing field
     */
    public TraceEvent requireWellFormed() {
        if (kind == null) {
            throw new IllegalArgumentException("trace event without a kind: " + this);
        }
        boolean messageKind = kind == EventKind.SEND || kind == EventKind.DELIVER || kind == EventKind.DROP
                || kind == EventKind.DUPLICATE;
        if (messageKind && msg == null) {
            throw new IllegalArgumentException(kind.wireName() + " event without a message: " + this);
        }
        if (kind == EventKind.ACTION && action == null) {
            throw new IllegalArgumentException("action event without an action name: " + this);
        }
        if (msg != null && msg.type() == null) {
            throw new IllegalArgumentException("message without a type: " + this);
        }
        return this;
    }
}
