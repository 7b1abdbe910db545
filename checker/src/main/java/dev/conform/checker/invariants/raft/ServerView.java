package dev.conform.checker.invariants.raft;

import java.util.ArrayList;
import java.util.List;

/** What the trace says about one server, with its whole log (1-based; null = entry not known). */
final class ServerView {
    final int id;
    long term;
    String role = "Follower";
    long votedFor;
    long snapshotIndex;
    long snapshotTerm;
    long commitIndex;
    /** fullLog.get(k - 1) is the entry at index k, snapshot prefix included. */
    List<Entry> fullLog = new ArrayList<>();

    ServerView(int id) {
        this.id = id;
    }

    long lastIndex() {
        return fullLog.size();
    }

    boolean leader() {
        return "Leader".equals(role);
    }

    /** The entry at 1-based index k, or null when beyond the log or not known. */
    Entry at(long k) {
        return k >= 1 && k <= fullLog.size() ? fullLog.get((int) (k - 1)) : null;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(id).append(":{term ").append(term).append(", ").append(role)
            .append(", votedFor ").append(votedFor).append(", snapshot ").append(snapshotIndex).append('/')
            .append(snapshotTerm).append(", commit ").append(commitIndex).append(", log [");
        for (int k = 0; k < fullLog.size(); k++) {
            Entry e = fullLog.get(k);
            b.append(k == 0 ? "" : " ").append(e == null ? "?" : e.term() + ":" + e.value());
        }
        return b.append("]}").toString();
    }
}
