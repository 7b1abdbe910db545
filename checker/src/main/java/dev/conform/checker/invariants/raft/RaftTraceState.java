package dev.conform.checker.invariants.raft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global state folded from a raft trace: every server's view, the entries seen committed
 * (by index, first value wins; used to fill in installed snapshots) and which server the last
 * event changed (null when it changed none). Mutable; owned by one replay.
 */
public final class RaftTraceState {
    /** The spec's own state along the trace (the Java twin of TraceRaft.tla's steps). */
    final RaftSpecReplay spec;
    final Map<Integer, ServerView> servers = new LinkedHashMap<>();
    final List<Entry> committedSeen = new ArrayList<>();
    ServerView changed;
    /** Why the last failing check failed (for the report). */
    String note;

    /** A state of servers only (for the properties alone), without the spec's steps. */
    RaftTraceState() {
        this(null);
    }

    RaftTraceState(RaftSpecReplay spec) {
        this.spec = spec;
    }

    ServerView server(int id) {
        return servers.computeIfAbsent(id, ServerView::new);
    }

    /** Records server s's committed entries that were not seen committed before. */
    void learnCommitted(ServerView s) {
        long upTo = Math.min(s.commitIndex, s.lastIndex());
        for (long k = committedSeen.size() + 1; k <= upTo; k++) {
            Entry e = s.at(k);
            if (e == null) {
                return;
            }
            committedSeen.add(e);
        }
    }

    Entry committedAt(long k) {
        return k >= 1 && k <= committedSeen.size() ? committedSeen.get((int) (k - 1)) : null;
    }

    @Override
    public String toString() {
        return (note == null ? "" : note + "; ") + servers.values();
    }
}
