package dev.conform.checker.invariants.crdt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;

import java.util.Map;

/** Folds the replica snapshots recorded with every action of a {@code crdt} trace. */
final class CrdtFolder implements StateFolder<CrdtTraceState> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public CrdtTraceState initial(TraceHeader header) {
        return new CrdtTraceState();
    }

    @Override
    public CrdtTraceState apply(CrdtTraceState s, TraceEvent e) {
        s.regressed = false;
        s.lostWrite = false;
        if (e.kind() != EventKind.ACTION || e.state() == null) {
            return s;
        }
        Map<String, Object> snap = JsonLattice.map(JSON.convertValue(e.state(), Map.class));
        Object crdt = snap.get("crdt");
        if (crdt == null) {
            throw new FoldException("action " + e.action() + " at node " + e.node() + " records no \"crdt\" value");
        }
        Map<String, Object> value = JsonLattice.map(crdt);
        Map<String, Object> prev = s.last.get(e.node());
        try {
            if (prev != null && !JsonLattice.leq(prev, value)) {
                s.regressed = true;
                s.note = "node " + e.node() + " went from " + prev + " to " + value;
            }
        } catch (IllegalArgumentException | ClassCastException ex) {
            throw new FoldException("node " + e.node() + ": " + ex.getMessage());
        }
        s.last.put(e.node(), value);
        if ("ReceiveGossip".equals(e.action())) {
            s.merges++;
        }
        Object w = snap.get("write");
        if (w != null) {
            Map<String, Object> write = JsonLattice.map(w);
            if (write.get("pred") != null && Boolean.FALSE.equals(write.get("applied"))) {
                s.lostWrite = true;
                s.note = "node " + e.node() + "'s write " + write.get("value") + " at " + write.get("ts")
                    + " lost to its causal predecessor at " + write.get("pred");
            }
        }
        return s;
    }

    @Override
    public String describe(CrdtTraceState state) {
        return state.toString();
    }
}
