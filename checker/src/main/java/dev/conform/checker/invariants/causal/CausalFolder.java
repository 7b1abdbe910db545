package dev.conform.checker.invariants.causal;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.JsonObjects;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.checker.invariants.causal.CausalTraceState.Broadcast;
import dev.conform.checker.invariants.causal.CausalTraceState.Server;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Folds {@code causal} events into {@link CausalTraceState}. Broadcast creates the origin's next
 * value (deps: what it has delivered) and puts it in its hold-back queue; Receive consumes the Data
 * delivered to its node and holds it back unless it was delivered or held already; Deliver takes a
 * held value out; HandleAck consumes an Ack. Every action's recorded {@code nextSeq},
 * {@code delivered} and {@code held} must be the folded ones; Data must carry a value as it was
 * broadcast and leave only a server that delivered it, as must an Ack; a restart brings back
 * exactly the durable nextSeq, delivered counts and own values. Delivery order itself is judged by
 * the invariants.
 */
final class CausalFolder implements StateFolder<CausalTraceState> {
    @Override
    public CausalTraceState initial(TraceHeader header) {
        return new CausalTraceState(header.servers());
    }

    @Override
    public CausalTraceState apply(CausalTraceState s, TraceEvent e) {
        switch (e.kind()) {
            case SEND -> send(s, e);
            case DELIVER -> server(s, e).pending = e.msg();
            case CRASH -> server(s, e).held.clear();
            case ACTION -> action(s, e);
            case RESTART -> restart(s, e);
            default -> { }
        }
        return s;
    }

    private static Server server(CausalTraceState s, TraceEvent e) {
        Server v = s.server.get(e.node());
        if (v == null) {
            throw new FoldException("node " + e.node() + " is not a server");
        }
        return v;
    }

    /** Data carries a value as broadcast and leaves a server that delivered it; so does an Ack. */
    private static void send(CausalTraceState s, TraceEvent e) {
        Server from = server(s, e);
        Map<String, Object> body = JsonObjects.asMap(e.msg().body(), e.msg().type() + " " + e.msg().id() + "'s body");
        String what = e.msg().type() + " " + e.msg().id() + " from " + e.node();
        Broadcast b = switch (e.msg().type()) {
            case "Data" -> {
                Broadcast x = broadcast(s, body, what);
                if (!x.value().equals(body.get("value")) || !Arrays.equals(x.deps(), JsonObjects.serverVector(s.servers, body.get("deps"), what + " deps"))) {
                    throw new FoldException(what + " carries " + body + ", not " + x.name() + " as broadcast (value "
                            + x.value() + ", deps " + Arrays.toString(x.deps()) + ")");
                }
                yield x;
            }
            case "Ack" -> broadcast(s, body, what);
            default -> throw new FoldException("causal sends Data and Ack, not " + e.msg().type());
        };
        if (!from.deliveredSet.get(b.index())) {
            throw new FoldException(what + " names " + b.name() + ", which its sender has not delivered");
        }
    }

    private static Broadcast broadcast(CausalTraceState s, Map<String, Object> body, String what) {
        Broadcast b = s.broadcasts.get(CausalTraceState.key(JsonObjects.integer(body.get("origin"), what + " origin"),
                JsonObjects.integer(body.get("seq"), what + " seq")));
        if (b == null) {
            throw new FoldException(what + " names a value never broadcast: " + body);
        }
        return b;
    }

    private static void action(CausalTraceState s, TraceEvent e) {
        Server v = server(s, e);
        int j = e.node();
        Map<String, Object> st = JsonObjects.asMap(e.state(), "the state of " + e.action());
        String at = e.action() + " at server " + j;
        switch (e.action()) {
            case "Broadcast" -> {
                int seq = JsonObjects.integer(st.get("seq"), at + " seq");
                if (JsonObjects.integer(st.get("origin"), at + " origin") != j || seq != v.nextSeq) {
                    throw new FoldException(at + " broadcasts " + st.get("origin") + "/" + seq + ", not its value " + v.nextSeq);
                }
                Broadcast b = new Broadcast(s.byIndex.size(), j, seq, text(st.get("value"), at + " value"),
                        v.delivered.clone(), (BitSet) v.knows.clone());
                s.broadcasts.put(CausalTraceState.key(j, seq), b);
                s.byIndex.add(b);
                v.nextSeq++;
                v.held.put(CausalTraceState.key(j, seq), b.value());
            }
            case "Receive" -> {
                Map<String, Object> m = consume(v, "Data", at);
                int o = JsonObjects.integer(m.get("origin"), at + " origin");
                int seq = JsonObjects.integer(m.get("seq"), at + " seq");
                Integer oi = s.index.get(o);
                if (oi == null) {
                    throw new FoldException(at + " receives a value of " + o + ", not a server");
                }
                long k = CausalTraceState.key(o, seq);
                if (seq > v.delivered[oi] && !v.held.containsKey(k)) {
                    Broadcast b = s.broadcasts.get(k);
                    s.heldBack |= b != null && !deliverable(b, v.delivered, oi);
                    v.held.put(k, text(m.get("value"), at + " value"));
                }
            }
            case "Deliver" -> deliver(s, v, st, at);
            case "HandleAck" -> consume(v, "Ack", at);
            default -> throw new FoldException("unknown causal action " + e.action());
        }
        recorded(s, v, st, at);
    }

    /** Takes a held value out of server {@code v}'s hold-back queue, judging the delivery. */
    private static void deliver(CausalTraceState s, Server v, Map<String, Object> st, String at) {
        int o = JsonObjects.integer(st.get("origin"), at + " origin");
        int seq = JsonObjects.integer(st.get("seq"), at + " seq");
        String value = text(st.get("value"), at + " value");
        long k = CausalTraceState.key(o, seq);
        String held = v.held.remove(k);
        if (held == null || !held.equals(value)) {
            throw new FoldException(at + " delivers " + o + "/" + seq + " = " + value + ", which it does not hold"
                    + (held == null ? "" : " (it holds " + held + ")"));
        }
        Broadcast b = s.broadcasts.get(k);
        int oi = s.index.get(o);
        if (b == null || !b.value().equals(value)) {
            s.violate("NoCreation", at + " delivers " + o + "/" + seq + " = " + value + ", never broadcast as such");
            return;
        }
        if (v.deliveredSet.get(b.index())) {
            s.violate("NoDuplication", at + " delivers " + b.name() + " again");
        }
        if (seq != v.delivered[oi] + 1) {
            s.violate("FifoDelivery", at + " delivers " + b.name() + " after " + v.delivered[oi] + " of origin " + o);
        }
        BitSet missing = (BitSet) b.past().clone();
        missing.andNot(v.deliveredSet);
        if (!missing.isEmpty()) {
            s.violate("CausalDelivery", at + " delivers " + b.name() + " before " + s.byIndex.get(missing.nextSetBit(0)).name()
                    + ", which happened before it");
        }
        v.deliveredSet.set(b.index());
        v.knows.set(b.index());
        v.knows.or(b.past());
        v.delivered[oi] = seq;
    }

    private static boolean deliverable(Broadcast b, int[] delivered, int oi) {
        if (b.seq() != delivered[oi] + 1) {
            return false;
        }
        for (int q = 0; q < delivered.length; q++) {
            if (q != oi && b.deps()[q] > delivered[q]) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> consume(Server v, String type, String at) {
        if (v.pending == null || !type.equals(v.pending.type())) {
            throw new FoldException(at + " consumes no delivered " + type);
        }
        Map<String, Object> m = JsonObjects.asMap(v.pending.body(), type + " " + v.pending.id() + "'s body");
        v.pending = null;
        return m;
    }

    /** The recorded nextSeq, delivered counts and hold-back size are the folded ones. */
    private static void recorded(CausalTraceState s, Server v, Map<String, Object> st, String at) {
        int next = JsonObjects.integer(st.get("nextSeq"), at + " nextSeq");
        int[] delivered = JsonObjects.serverVector(s.servers, st.get("delivered"), at + " delivered");
        int held = JsonObjects.integer(st.get("held"), at + " held");
        if (next != v.nextSeq || !Arrays.equals(delivered, v.delivered) || held != v.held.size()) {
            throw new FoldException(at + " records nextSeq=" + next + ", delivered=" + Arrays.toString(delivered)
                    + ", held=" + held + "; the trace gives nextSeq=" + v.nextSeq + ", delivered="
                    + Arrays.toString(v.delivered) + ", held=" + v.held.size());
        }
    }

    /** A restart brings back exactly the durable nextSeq, delivered counts and own values; nothing is held. */
    private static void restart(CausalTraceState s, TraceEvent e) {
        Server v = server(s, e);
        v.held.clear();
        v.pending = null;
        int next = 1;
        int[] delivered = new int[s.servers.size()];
        List<?> own = List.of();
        if (e.state() != null) {
            Map<String, Object> st = JsonObjects.asMap(e.state(), "the restart state");
            next = JsonObjects.integer(st.get("nextSeq"), "restart nextSeq");
            delivered = JsonObjects.serverVector(s.servers, st.get("delivered"), "restart delivered");
            own = st.get("own") instanceof List<?> l ? l : null;
            if (own == null) {
                throw new FoldException("the restart state of " + e.node() + " has no list own");
            }
        }
        if (next != v.nextSeq || !Arrays.equals(delivered, v.delivered) || own.size() != v.nextSeq - 1) {
            throw new FoldException("server " + e.node() + " restarts with nextSeq=" + next + ", delivered="
                    + Arrays.toString(delivered) + ", " + own.size() + " own values; it had nextSeq=" + v.nextSeq
                    + ", delivered=" + Arrays.toString(v.delivered));
        }
        for (int i = 0; i < own.size(); i++) {
            Map<String, Object> d = JsonObjects.asMap(own.get(i), "own value " + (i + 1));
            Broadcast b = broadcast(s, d, "server " + e.node() + "'s own value " + (i + 1));
            if (b.origin() != e.node() || b.seq() != i + 1 || !b.value().equals(d.get("value"))
                    || !Arrays.equals(b.deps(), JsonObjects.serverVector(s.servers, d.get("deps"), "own value deps"))) {
                throw new FoldException("server " + e.node() + " restarts with own value " + d + ", not as broadcast");
            }
        }
    }

    private static String text(Object o, String what) {
        if (o instanceof String t) {
            return t;
        }
        throw new FoldException(what + " is not a string: " + o);
    }
}
