package dev.conform.checker.invariants.example;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import java.util.ArrayDeque;
import java.util.Map;

/** Folds PingCounter events: Inc and deliver take the recorded counter, send/drop move messages. */
final class PingCounterFolder implements StateFolder<PingCounterState> {
    @Override
    public PingCounterState initial(TraceHeader header) {
        int max = 0;
        for (int n : header.nodes()) {
            max = Math.max(max, n);
        }
        return new PingCounterState(max);
    }

    @Override
    public PingCounterState apply(PingCounterState s, TraceEvent e) {
        s.regressed = false;
        switch (e.kind()) {
            case ACTION -> setCount(s, e.node(), recordedCount(e));
            case SEND -> {
                TraceMessage m = e.msg();
                chan(s, m.to()).addLast(new long[] {m.from(), val(m)});
            }
            case DELIVER -> {
                takeHead(s, e.msg(), "delivered");
                s.delivered++;
                setCount(s, e.node(), recordedCount(e));
            }
            case DROP -> takeHead(s, e.msg(), "dropped");
            default -> { }
        }
        return s;
    }

    private static void setCount(PingCounterState s, int node, long c) {
        if (node < 1 || node >= s.count.length) {
            throw new FoldException("node " + node + " is not in the header's nodes");
        }
        s.regressed = c < s.count[node];
        s.count[node] = c;
    }

    private static ArrayDeque<long[]> chan(PingCounterState s, int to) {
        if (to < 1 || to >= s.chan.length) {
            throw new FoldException("node " + to + " is not in the header's nodes");
        }
        return s.chan[to];
    }

    private static void takeHead(PingCounterState s, TraceMessage m, String what) {
        long[] head = chan(s, m.to()).pollFirst();
        if (head == null || head[0] != m.from() || head[1] != val(m)) {
            throw new FoldException("message " + m.id() + " " + what + " but it is not the oldest one in flight to " + m.to());
        }
    }

    private static long val(TraceMessage m) {
        if (m.body() instanceof Map<?, ?> b && b.get("val") instanceof Number n) {
            return n.longValue();
        }
        throw new FoldException("message " + m.id() + " has no integer body.val");
    }

    private static long recordedCount(TraceEvent e) {
        if (e.state() instanceof Map<?, ?> st && st.get("count") instanceof Number n) {
            return n.longValue();
        }
        throw new FoldException("event has no integer state.count");
    }
}
