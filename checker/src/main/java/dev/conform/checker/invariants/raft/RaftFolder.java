package dev.conform.checker.invariants.raft;

import dev.conform.checker.invariants.JsonObjects;
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
 * "server" role; clients' events change no server. Every event is first taken by the spec's
 * steps ({@link RaftSpecReplay}), which reject what Raft.tla and TraceRaft.tla cannot do.
 */
final class RaftFolder implements StateFolder<RaftTraceState> {
    private final boolean specSteps;

    RaftFolder() {
        this(true);
    }

    /** @param specSteps false only to judge the invariants alone, on traces that are no spec behaviour */
    RaftFolder(boolean specSteps) {
        this.specSteps = specSteps;
    }

    @Override
    public RaftTraceState initial(TraceHeader header) {
        RaftTraceState s = new RaftTraceState(specSteps ? new RaftSpecReplay(header) : null);
        for (int n : header.servers()) {
            s.server(n);
        }
        return s;
    }

    @Override
    public RaftTraceState apply(RaftTraceState s, TraceEvent e) {
        s.changed = null;
        s.note = null;
        if (s.spec != null) {
            s.spec.apply(e);
        }
        ServerView v = s.servers.get(e.node());
        if (v == null) {
            return s;
        }
        v.prevCommit = v.commitIndex;
        long leaderOf = v.leader() ? v.term : -1;
        v.firstChanged = v.lastIndex() + 1;
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
        v.newlyLeader = v.leader() && leaderOf != v.term;
        s.changed = v;
        s.learnCommitted(v);
        return s;
    }

    /**
     * Term, vote, snapshot and log: what an action records and what a restart restores. The log
     * is updated in place from the first entry that differs, so an action costs what it changed.
     * A state without {@code "log"} keeps the entries after the snapshot as they were (actions
     * record the log only when they changed it).
     */
    private static void setPersistent(RaftTraceState s, ServerView v, Map<String, Object> st) {
        v.term = num(st, "currentTerm");
        v.votedFor = num(st, "votedFor");
        long snapIndex = num(st, "snapshotIndex");
        long snapTerm = num(st, "snapshotTerm");
        List<Entry> entries;
        Object recorded = st.get("log");
        if (recorded == null && !st.containsKey("log")) {
            if (snapIndex == v.snapshotIndex && snapTerm == v.snapshotTerm) {
                return; // nothing of the log changed
            }
            entries = new ArrayList<>(v.fullLog.subList((int) Math.min(v.snapshotIndex, v.lastIndex()),
                    (int) v.lastIndex()));
        } else if (recorded instanceof List<?> list) {
            entries = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> m) || !(m.get("term") instanceof Number t) || !m.containsKey("value")) {
                    throw new FoldException("node " + v.id + ": log entry " + o + " is not {term, value}");
                }
                entries.add(new Entry(t.longValue(), m.get("value")));
            }
        } else {
            throw new FoldException("state of node " + v.id + " has a \"log\" that is not a list");
        }
        Entry atSnap = v.at(snapIndex);
        boolean ownPrefix = snapIndex == 0 || atSnap != null && atSnap.term() == snapTerm;
        if (!ownPrefix || v.unknown > 0 && snapIndex > v.snapshotIndex) {
            rebuildPrefix(s, v, snapIndex, ownPrefix);
        }
        long k = snapIndex;
        for (Entry e : entries) {
            k++;
            Entry old = v.at(k);
            if (old != null && e != null && old.sameAs(e)) {
                continue;
            }
            v.firstChanged = Math.min(v.firstChanged, k);
            v.truncateFrom(k);
            v.append(e);
        }
        if (v.lastIndex() > k) {
            v.firstChanged = Math.min(v.firstChanged, k + 1);
            v.truncateFrom(k + 1);
        }
        v.snapshotIndex = snapIndex;
        v.snapshotTerm = snapTerm;
    }

    /**
     * A snapshot the server did not cut from its own log (installed from a leader): the prefix is
     * taken from the entries seen committed (unknown ones stay null).
     */
    private static void rebuildPrefix(RaftTraceState s, ServerView v, long snapIndex, boolean ownPrefix) {
        List<Entry> old = new ArrayList<>(v.fullLog);
        v.truncateFrom(1);
        for (long k = 1; k <= snapIndex; k++) {
            Entry mine = k <= old.size() ? old.get((int) (k - 1)) : null;
            v.append(ownPrefix && mine != null ? mine : s.committedAt(k));
        }
        long same = 0;
        while (same < snapIndex && same < old.size() && old.get((int) same) != null && v.at(same + 1) != null
                && old.get((int) same).sameAs(v.at(same + 1))) {
            same++;
        }
        v.firstChanged = Math.min(v.firstChanged, same + 1);
        // entries after the snapshot are re-appended (and compared) by the caller
        for (long k = snapIndex + 1; k <= old.size(); k++) {
            v.append(old.get((int) (k - 1)));
        }
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

    private static Map<String, Object> asMap(Object state) {
        return JsonObjects.asMap(state, "state");
    }

    @Override
    public String describe(RaftTraceState state) {
        return state.toString();
    }
}
