package dev.conform.checker.invariants.pingcounter;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import java.util.Map;

/**
 * Folds PingCounter events: Inc and Receive record the counter after them, a restart the
 * persisted counter (none persisted: 0), a send the value it carries. Network rules (a delivery
 * names a message in flight, one Receive consumes it) are checked by the generic replay.
 */
final class PingCounterFolder implements StateFolder<PingCounterState> {
    @Override
    public PingCounterState initial(TraceHeader header) {
        return new PingCounterState();
    }

    @Override
    public PingCounterState apply(PingCounterState s, TraceEvent e) {
        switch (e.kind()) {
            case ACTION -> {
                long c = number(e.state(), "count", e);
                s.raised |= "Receive".equals(e.action()) && c > s.count(e.node());
                s.count.put(e.node(), c);
            }
            case SEND -> s.maxSent.merge(e.node(), number(e.msg().body(), "val", e), Math::max);
            case RESTART -> s.count.put(e.node(), e.state() == null ? 0 : number(e.state(), "count", e));
            default -> { }
        }
        return s;
    }

    private static long number(Object object, String field, TraceEvent e) {
        if (object instanceof Map<?, ?> m && m.get(field) instanceof Number n) {
            return n.longValue();
        }
        throw new FoldException(e.kind().name().toLowerCase() + " event has no integer " + field);
    }
}
