package dev.conform.runtime.sim;

import dev.conform.tracing.Clocks;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.runtime.MessageTypes;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.VectorClock;

/**
 * Turns simulator happenings into trace events, with the clocks of {@link Clocks}. Exists only
 * while the sink is enabled, so a run without tracing allocates none of this.
 */
final class SimTracer {
    private final TraceSink sink;
    private final int[] ids;
    private final Clocks clocks;
    /** The next event's number: events are numbered from 1, their position in the trace. */
    private long seq = 1;

    SimTracer(TraceSink sink, int[] ids) {
        this.sink = sink;
        this.ids = ids;
        this.clocks = new Clocks(ids);
    }

    private void tick(int node) {
        clocks.tick(node);
    }

    void send(int node, SimEvent ev, int toId) {
        tick(node);
        ev.lamport = clocks.lamport(node);
        // the send's own (immutable, non-zero entries only) clock travels with the message:
        // a dense copy of every node's entry per send would cost O(n) at any n
        ev.vc = clocks.clock(node);
        emit(node, EventKind.SEND, null, message(ev, toId), null, ev.vc);
    }

    void deliver(int node, SimEvent ev) {
        clocks.deliver(node, ev.lamport, ev.vc);
        emit(node, EventKind.DELIVER, null, message(ev, ids[node]), null);
    }

    void drop(int node, SimEvent ev, int toId) {
        tick(node);
        emit(node, EventKind.DROP, null, message(ev, toId), null);
    }

    void duplicate(int node, SimEvent ev, int toId) {
        tick(node);
        emit(node, EventKind.DUPLICATE, null, message(ev, toId), null);
    }

    void timer(int node, String name) {
        tick(node);
        emit(node, EventKind.TIMER, name, null, null);
    }

    void crash(int node) {
        tick(node);
        emit(node, EventKind.CRASH, null, null, null);
    }

    void restart(int node, Object persisted) {
        tick(node);
        emit(node, EventKind.RESTART, null, null, persisted);
    }

    void action(int node, String name, Object state) {
        tick(node);
        emit(node, EventKind.ACTION, name, null, state);
    }

    /** A fault with no single node (partition, heal, link change): node 0, no clocks. */
    void clusterFault(String name, Object data) {
        sink.event(new TraceEvent(seq++, 0, EventKind.FAULT, name, null, data, -1, null));
    }

    void nodeFault(int node, String name, Object data) {
        tick(node);
        emit(node, EventKind.FAULT, name, null, data);
    }

    private TraceMessage message(SimEvent ev, int toId) {
        return new TraceMessage(ev.msgId, ids[ev.from], toId, MessageTypes.name(ev.payload), ev.payload);
    }

    private void emit(int node, EventKind kind, String action, TraceMessage msg, Object state) {
        emit(node, kind, action, msg, state, clocks.clock(node));
    }

    private void emit(int node, EventKind kind, String action, TraceMessage msg, Object state, VectorClock vc) {
        sink.event(new TraceEvent(seq++, ids[node], kind, action, msg, state, clocks.lamport(node), vc));
    }
}
