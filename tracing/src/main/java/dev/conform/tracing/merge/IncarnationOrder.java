package dev.conform.tracing.merge;

import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The one real-time order that vector clocks do not carry: a message delivered to a node after
 * its k-th restart was sent to that incarnation (a connection to a crashed process is gone with
 * it), so its send comes after that restart. Without this a send concurrent with a crash, a
 * client's first request for one, could be placed before the crash and its delivery after the
 * restart, a behaviour the trace specs rightly reject.
 *
 * <p>Built in a first pass over each node's events: for every message delivered in an
 * incarnation after the first, the receiver and how many of its events must be placed (up to
 * and including that restart) before the send may be.
 */
final class IncarnationOrder {
    /** A send must wait until {@code node} has placed {@code events} events. */
    record Wait(int node, long events) {
    }

    private final Map<Long, Wait> waits = new HashMap<>();
    private int node;
    private long index;
    private long lastRestart;

    /** Starts the events of another node's input. */
    void beginNode(int node) {
        this.node = node;
        this.index = 0;
        this.lastRestart = 0;
    }

    /** Notes the next event of the current node. */
    void accept(TraceEvent e) {
        index++;
        if (e.kind() == EventKind.RESTART) {
            lastRestart = index;
        } else if (e.kind() == EventKind.DELIVER && e.msg() != null && lastRestart > 0) {
            waits.putIfAbsent(e.msg().id(), new Wait(node, lastRestart));
        }
    }

    /** What the send {@code e} waits for, or null when it waits only for its clock. */
    Wait waitOf(TraceEvent e) {
        return e.kind() == EventKind.SEND && e.msg() != null ? waits.get(e.msg().id()) : null;
    }
}
