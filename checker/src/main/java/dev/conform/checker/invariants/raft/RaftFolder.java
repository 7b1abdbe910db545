package dev.conform.checker.invariants.raft;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Folds a raft trace into a {@link RaftTraceState}: action events set the acting server's state
 * to the one recorded, {@code crash} applies the spec's {@code Restart} (volatile state lost),
 * {@code restart} applies the persisted record the simulator attaches. Servers are the header's
 * nodes with ids up to {@value #CLIENT_ID_BASE} (clients' events are ignored, as in TraceRaft).
 */
final class RaftFolder implements StateFolder<RaftTraceState> {
    static final int CLIENT_ID_BASE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public RaftTraceState initial(TraceHeader header) {
        RaftTraceState s = new RaftTraceState();
        for (int n : header.nodes()) {
            if (n <= CLIENT_ID_BASE) {
                s.server(n);
            }
        }
        return s;
    }

    @Override
    public RaftTraceState apply(RaftTraceState s, TraceEvent e) {
        s.changed = null;
        s.note = null;
        ServerView v = s.servers.get(e.node());
        if (v == null) {
            return s;
        }
        if (e.kind() == EventKind.ACTION) {
            if (e.state() == null) {
                throw new FoldException("action " + e.action() + " at node " + e.node() + " records no state");
            }
            Map<String, Object> st = asMap(e.state());
            setPersistent(s, v, st);
            v.role = role(st.get("role"));
            v.commitIndex = num(st, "commitIndex");
        } else if (e.kind() == EventKind.CRASH) {
            v.role = "Follower";
            v.commitIndex = v.snapshotIndex;
        } else if (e.kind() == EventKind.RESTART) {
            if (e.state() != null) {
                setPersistent(s, v, asMap(e.state()));
            }
            v.role = "Follower";
            v.commitIndex = v.snapshotIndex;
        } else {
            return s;
        }
        s.changed = v;
        s.learnCommitted(v);
        return s;
    }

    /** Term, vote, snapshot and log: what an action records and what a restart restores. */
    private static void setPersistent(RaftTraceState s, ServerView v, Map<String, Object> st) {
        v.term = num(st, "currentTerm");
        v.votedFor = num(st, "votedFor");
        long snapIndex = num(st, "snapshotIndex");
        long snapTerm = num(st, "snapshotTerm");
        Object log = st.get("log");
        if (!(log instanceof List<?> entries)) {
            throw new FoldException("state of node " + v.id + " has no \"log\" list");
        }
        List<Entry> full = new ArrayList<>(entries.size() + (int) snapIndex);
        for (long k = 1; k <= snapIndex; k++) {
            full.add(prefixEntry(s, v, k, snapIndex, snapTerm));
        }
        for (Object o : entries) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("term") instanceof Number t) || !m.containsKey("value")) {
                throw new FoldException("node " + v.id + ": log entry " + o + " is not {term, value}");
            }
            full.add(new Entry(t.longValue(), m.get("value")));
        }
        v.snapshotIndex = snapIndex;
        v.snapshotTerm = snapTerm;
        v.fullLog = full;
    }

    /**
     * The compacted entry at k: the server's own, when its log still agrees at the snapshot
     * point (it compacted itself, or installed a matching snapshot), else the entry seen committed.
     */
    private static Entry prefixEntry(RaftTraceState s, ServerView v, long k, long snapIndex, long snapTerm) {
        Entry own = v.at(k);
        Entry atSnap = v.at(snapIndex);
        if (own != null && atSnap != null && atSnap.term() == snapTerm) {
            return own;
        }
        return s.committedAt(k);
    }

    private static String role(Object r) {
        if ("Follower".equals(r) || "Candidate".equals(r) || "Leader".equals(r)) {
            return (String) r;
        }
        throw new FoldException("unknown role " + r + " (expected Follower, Candidate or Leader)");
    }

    private static long num(Map<String, Object> st, String field) {
        if (st.get(field) instanceof Number n) {
            return n.longValue();
        }
        throw new FoldException("state field \"" + field + "\" is missing or not a number: " + st.get(field));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object state) {
        if (state instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        // in-memory traces carry the runtime's objects (e.g. the persisted record on restart)
        try {
            return JSON.convertValue(state, Map.class);
        } catch (IllegalArgumentException ex) {
            throw new FoldException("state " + state + " is not a JSON object");
        }
    }

    @Override
    public String describe(RaftTraceState state) {
        return state.toString();
    }
}
