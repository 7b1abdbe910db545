package dev.conform.algorithms.raft;

import dev.conform.tracing.FieldMap;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state a server's action events record (the "Recorded state" of specs/raft/README.md):
 * currentTerm, role, votedFor, the log when the action changed it, snapshotIndex, snapshotTerm,
 * commitIndex, for a candidate the votes it counted (votesGranted), and for a leader matchIndex
 * and nextIndex keyed by the other servers' ids. One
 * per server: it remembers what it recorded last, so unchanged parts are shared between events.
 */
final class RaftTraceState {
    /**
     * {@link RaftLog#version()} when the log was last recorded: an action records the log only
     * when it changed it. A new server starts in step with its log (empty, or the restored one
     * that the restart event records).
     */
    private long recordedLogVersion;
    /** The last recorded leader indices: most leader actions leave them as they were. */
    private FieldMap tracedMatchIndex;
    private FieldMap tracedNextIndex;
    /**
     * Recorded forms of log entries, by identity: an action that changed the log records all of
     * it, and most entries were recorded before (the map is immutable, so events share it).
     */
    private IdentityHashMap<LogEntry, FieldMap> tracedEntries;
    private static final int MAX_TRACED_ENTRIES = 4096;

    RaftTraceState(RaftLog log) {
        this.recordedLogVersion = log.version();
    }

    /** The state after an action of {@code n}. */
    Map<String, Object> of(RaftNode n) {
        RaftLog log = n.log();
        boolean withLog = log.version() != recordedLogVersion;
        recordedLogVersion = log.version();
        boolean leader = n.role() == Role.Leader;
        boolean candidate = n.role() == Role.Candidate;
        FieldMap.Builder s = FieldMap.builder(leader ? 9 : candidate ? 8 : 7);
        s.put("currentTerm", n.currentTerm());
        s.put("role", n.role().name());
        s.put("votedFor", (Object) n.votedFor());
        if (withLog) {
            List<Object> entries = new ArrayList<>(log.size());
            for (LogEntry e : log.entries()) {
                entries.add(traced(e));
            }
            s.put("log", entries);
        }
        s.put("snapshotIndex", log.snapshotIndex());
        s.put("snapshotTerm", log.snapshotTerm());
        s.put("commitIndex", n.commitIndex());
        if (candidate) {
            s.put("votesGranted", n.election.votesGranted());
        }
        if (leader) {
            tracedMatchIndex = byNodeId(n.matchIndex(), tracedMatchIndex);
            tracedNextIndex = byNodeId(n.nextIndex(), tracedNextIndex);
            s.put("matchIndex", tracedMatchIndex);
            s.put("nextIndex", tracedNextIndex);
        }
        return s.build();
    }

    private FieldMap traced(LogEntry e) {
        if (tracedEntries == null) {
            tracedEntries = new IdentityHashMap<>();
        }
        FieldMap f = tracedEntries.get(e);
        if (f == null) {
            if (tracedEntries.size() >= MAX_TRACED_ENTRIES) {
                tracedEntries.clear(); // compacted entries are not recorded again
            }
            f = FieldMap.builder(2).put("term", e.term()).put("value", e.value()).build();
            tracedEntries.put(e, f);
        }
        return f;
    }

    /** Node ids as the trace's object keys ("2"), cached for the small ids clusters use. */
    private static final String[] ID_KEYS = new String[256];

    static {
        for (int i = 0; i < ID_KEYS.length; i++) {
            ID_KEYS[i] = Integer.toString(i);
        }
    }

    private static String idKey(int k) {
        return k >= 0 && k < ID_KEYS.length ? ID_KEYS[k] : Integer.toString(k);
    }

    /** {@code m} with node-id keys as a recorded map; {@code last} itself when it has the same entries. */
    private static FieldMap byNodeId(Map<Integer, Long> m, FieldMap last) {
        if (last != null && last.size() == m.size()) {
            int i = 0;
            boolean same = true;
            for (Map.Entry<Integer, Long> e : m.entrySet()) {
                if (!last.keyAt(i).equals(idKey(e.getKey())) || last.longAt(i) != e.getValue()) {
                    same = false;
                    break;
                }
                i++;
            }
            if (same) {
                return last;
            }
        }
        FieldMap.Builder out = FieldMap.builder(m.size());
        for (Map.Entry<Integer, Long> e : m.entrySet()) {
            out.put(idKey(e.getKey()), e.getValue().longValue());
        }
        return out.build();
    }
}
