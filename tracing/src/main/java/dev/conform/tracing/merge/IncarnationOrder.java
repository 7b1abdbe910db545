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
    private int node = Integer.MIN_VALUE;
    private long index;
    private long lastRestart;

    /** Notes the next event of a node; one node's events come in its order, inputs one after another. */
    void accept(TraceEvent e) {
        if (e.node() != node) {
            node = e.node();
            index = 0;
            lastRestart = 0;
        }
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
