package dev.conform.checker.invariants.raft;

/**
 * The safety properties of Raft.tla on the folded state. The state before the last event held
 * every property (the replay stops at the first violation), so a new violation must involve the
 * server that event changed, and only at log indices it changed or newly committed (or anywhere,
 * when it just became leader): each check looks only there.
 */
final class RaftProperties {
    private RaftProperties() {
    }

    /** No two servers lead in the same term. */
    static boolean electionSafety(RaftTraceState s) {
        ServerView c = s.changed;
        if (c == null || !c.leader()) {
            return true;
        }
        for (ServerView o : s.servers.values()) {
            if (o != c && o.leader() && o.term == c.term) {
                s.note = "servers " + o.id + " and " + c.id + " both lead term " + c.term;
                return false;
            }
        }
        return true;
    }

    /** Two logs with an entry of the same index and term are identical up to that index. */
    static boolean logMatching(RaftTraceState s) {
        ServerView c = s.changed;
        if (c == null) {
            return true;
        }
        for (ServerView o : s.servers.values()) {
            if (o == c) {
                continue;
            }
            long n = Math.min(c.lastIndex(), o.lastIndex());
            if (c.unknown == 0 && o.unknown == 0) {
                for (long k = c.firstChanged; k <= n; k++) {
                    Entry a = c.at(k);
                    Entry b = o.at(k);
                    if (a != null && b != null && a.term() == b.term() && c.prefixHash(k) != o.prefixHash(k)) {
                        long d = firstDiff(c, o, k);
                        if (d != 0) {
                            return mismatch(s, c, o, k, d);
                        }
                    }
                }
                continue;
            }
            // With unknown entries the prefix hashes cannot be compared: find the first known
            // difference once; the logs break LogMatching iff they agree on a term at or after it.
            long d = firstDiff(c, o, n);
            for (long k = Math.max(d, 1); d != 0 && k <= n; k++) {
                Entry a = c.at(k);
                Entry b = o.at(k);
                if (a != null && b != null && a.term() == b.term()) {
                    return mismatch(s, c, o, k, d);
                }
            }
        }
        return true;
    }

    /** Notes why LogMatching fails: the logs agree on the term at k but differ at d (d <= k). */
    private static boolean mismatch(RaftTraceState s, ServerView c, ServerView o, long k, long d) {
        s.note = "servers " + c.id + " and " + o.id + " agree on the term at index " + k
            + " but differ at index " + d;
        return false;
    }

    /** The first index up to k where both entries are known and differ, or 0. */
    private static long firstDiff(ServerView a, ServerView b, long k) {
        for (long i = 1; i <= k; i++) {
            Entry x = a.at(i);
            Entry y = b.at(i);
            if (x != null && y != null && !x.sameAs(y)) {
                return i;
            }
        }
        return 0;
    }

    /** Where the last event may have broken a property involving c: changed or newly committed indices. */
    private static long from(ServerView c) {
        return c.newlyLeader ? 1 : Math.min(c.firstChanged, c.prevCommit + 1);
    }

    /** A leader holds every entry committed at a server whose term is not newer than the leader's. */
    static boolean leaderCompleteness(RaftTraceState s) {
        ServerView c = s.changed;
        if (c == null) {
            return true;
        }
        long from = from(c);
        for (ServerView o : s.servers.values()) {
            if (c.leader() && !complete(s, c, o, o == c ? from : c.newlyLeader ? 1 : c.firstChanged)) {
                return false;
            }
            if (o.leader() && o != c && !complete(s, o, c, from)) {
                return false;
            }
        }
        return true;
    }

    private static boolean complete(RaftTraceState s, ServerView leader, ServerView i, long from) {
        if (i.term > leader.term) {
            return true;
        }
        for (long k = Math.max(1, from); k <= i.commitIndex; k++) {
            Entry mine = i.at(k);
            Entry theirs = leader.at(k);
            if (k > leader.lastIndex() || mine != null && theirs != null && !mine.sameAs(theirs)) {
                s.note = "leader " + leader.id + " of term " + leader.term + " lacks entry " + k
                    + " committed at server " + i.id + " (" + (mine == null ? "?" : mine.term() + ":" + mine.value()) + ")";
                return false;
            }
        }
        return true;
    }

    /** Servers agree on every index both have committed. */
    static boolean stateMachineSafety(RaftTraceState s) {
        ServerView c = s.changed;
        if (c == null) {
            return true;
        }
        long from = Math.min(c.firstChanged, c.prevCommit + 1);
        for (ServerView o : s.servers.values()) {
            long n = Math.min(c.commitIndex, o.commitIndex);
            for (long k = Math.max(1, from); o != c && k <= n; k++) {
                Entry a = c.at(k);
                Entry b = o.at(k);
                if (a != null && b != null && !a.sameAs(b)) {
                    s.note = "servers " + c.id + " and " + o.id + " committed different entries at index " + k
                        + ": " + a.term() + ":" + a.value() + " and " + b.term() + ":" + b.value();
                    return false;
                }
            }
        }
        return true;
    }

    static boolean leaderElected(RaftTraceState s) {
        return s.changed != null && s.changed.leader();
    }

    static boolean entryCommitted(RaftTraceState s) {
        return !s.committedSeen.isEmpty();
    }
}
