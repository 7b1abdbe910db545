package dev.conform.algorithms.raft;

import java.util.List;

/**
 * What a server writes to stable storage before it answers anyone: the current term, its vote,
 * the log after the snapshot, and the snapshot itself. Immutable, so the runtime can keep it
 * across a crash as is; a restarted server is built from it.
 *
 * @param votedFor     the candidate voted for in currentTerm, 0 for none
 * @param snapshotData the state machine snapshot text, null when no snapshot was taken
 */
public record RaftPersistentState(long currentTerm, int votedFor, long snapshotIndex,
                                  long snapshotTerm, String snapshotData, List<LogEntry> log) {
    public RaftPersistentState {
        log = List.copyOf(log);
    }

    /** The state of a server that never ran. */
    public static RaftPersistentState initial() {
        return new RaftPersistentState(0, 0, 0, 0, null, List.of());
    }
}
