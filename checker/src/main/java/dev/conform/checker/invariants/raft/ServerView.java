package dev.conform.checker.invariants.raft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the trace says about one server, with its whole log (1-based; null = entry not known),
 * a hash of every log prefix (so two logs' prefixes compare in constant time) and what the last
 * event changed (so the invariants only look at what is new).
 */
final class ServerView {
    final int id;
    long term;
    String role = "Follower";
    long votedFor;
    long snapshotIndex;
    long snapshotTerm;
    long commitIndex;
    /** fullLog.get(k - 1) is the entry at index k, snapshot prefix included. */
    final List<Entry> fullLog = new ArrayList<>();
    /** prefixHash[k] hashes entries 1..k (prefixHash[0] = 0). */
    private long[] prefixHash = new long[16];
    /** How many entries of fullLog are not known (null). */
    int unknown;

    /** The first log index the last event changed (lastIndex + 1 when none). */
    long firstChanged = 1;
    /** commitIndex before the last event. */
    long prevCommit;
    /** Whether the last event made this server leader (of a new term). */
    boolean newlyLeader;

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

    long prefixHash(long k) {
        return prefixHash[(int) k];
    }

    /** Drops the entries from index k on. */
    void truncateFrom(long k) {
        while (fullLog.size() >= k) {
            if (fullLog.remove(fullLog.size() - 1) == null) {
                unknown--;
            }
        }
    }

    /** Appends the entry at index lastIndex + 1. */
    void append(Entry e) {
        fullLog.add(e);
        int k = fullLog.size();
        if (k >= prefixHash.length) {
            prefixHash = Arrays.copyOf(prefixHash, prefixHash.length * 2);
        }
        if (e == null) {
            unknown++;
        }
        prefixHash[k] = mix(prefixHash[k - 1] * 0x9E3779B97F4A7C15L + (e == null ? 0x5bd1e995L : e.hash64()));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
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
