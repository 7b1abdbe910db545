package dev.conform.checker.invariants.raft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One server's state as specs/raft/Raft.tla and TraceRaft.tla keep it: the persistent part
 * (term, vote, the whole log with its compacted prefix), the volatile part (role, commit index,
 * votes, leader indices, how far the store was applied and the store there) and what the server
 * owes (answers its handlers produced and not yet sent, a client reply).
 */
final class SpecServer {
    final int id;
    long term;
    long votedFor;
    /** The compacted entries (snapshotData), then the live ones (log); index k is full.get(k - 1). */
    final List<Entry> full = new ArrayList<>();
    long snapshotIndex;
    long snapshotTerm;

    String role = "Follower";
    long commitIndex;
    final Set<Integer> votes = new HashSet<>();
    final Map<Integer, Long> nextIndex = new HashMap<>();
    final Map<Integer, Long> matchIndex = new HashMap<>();
    long applied;
    KvReplica kv = new KvReplica();

    /** Answers produced by a handler and not sent yet (spec message records). */
    final List<Map<String, Object>> outbox = new ArrayList<>();
    /** The client reply a RedirectClient or AnswerFromSession owes, or null. */
    OwedReply owed;

    record OwedReply(int client, long seq, boolean ok, String result) {
    }

    SpecServer(int id) {
        this.id = id;
    }

    long lastIndex() {
        return full.size();
    }

    long lastTerm() {
        return full.isEmpty() || lastIndex() == snapshotIndex ? snapshotTerm : full.get(full.size() - 1).term();
    }

    /** Term at absolute index k, snapshotIndex <= k <= lastIndex. */
    long termAt(long k) {
        return k == snapshotIndex ? snapshotTerm : full.get((int) (k - 1)).term();
    }

    Entry at(long k) {
        return full.get((int) (k - 1));
    }

    /** The entries after the snapshot. */
    List<Entry> live() {
        return full.subList((int) snapshotIndex, full.size());
    }

    boolean settled() {
        return outbox.isEmpty() && owed == null;
    }

    /** Raft.tla's Restart, and the store rebuilt from the snapshot. */
    void crash() {
        role = "Follower";
        commitIndex = snapshotIndex;
        votes.clear();
        nextIndex.clear();
        matchIndex.clear();
        applied = snapshotIndex;
        kv = KvReplica.fold(new KvReplica(), full, 0, snapshotIndex);
    }

    /** The store with the whole committed prefix applied (KvCommitted), without changing this one. */
    KvReplica committedStore() {
        return KvReplica.fold(kv.copy(), full, applied, commitIndex);
    }

    @Override
    public String toString() {
        return id + ":{term " + term + ", " + role + ", votedFor " + votedFor + ", snapshot " + snapshotIndex + "/"
            + snapshotTerm + ", commit " + commitIndex + ", last " + lastIndex() + "}";
    }
}
