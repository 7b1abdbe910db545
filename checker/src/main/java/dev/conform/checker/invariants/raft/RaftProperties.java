package dev.conform.checker.invariants.raft;

/**
 * The safety properties of Raft.tla on the folded state. Each compares only the server the last
 * event changed with the others: the state before held every property (the replay stops at the
 * first violation), so a new violation must involve that server.
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
            long firstDiff = 0;
            for (long k = 1; k <= n; k++) {
                Entry a = c.at(k);
                Entry b = o.at(k);
                if (a == null || b == null) {
                    continue;
                }
                if (firstDiff == 0 && !a.sameAs(b)) {
                    firstDiff = k;
                }
                if (firstDiff != 0 && a.term() == b.term()) {
                    s.note = "servers " + c.id + " and " + o.id + " agree on the term at index " + k
                        + " but differ at index " + firstDiff;
                    return false;
                }
            }
        }
        return true;
    }

    /** A leader holds every entry committed at a server whose term is not newer than the leader's. */
    static boolean leaderCompleteness(RaftTraceState s) {
        ServerView c = s.changed;
        if (c == null) {
            return true;
        }
        for (ServerView o : s.servers.values()) {
            if (c.leader() && !complete(s, c, o)) {
                return false;
            }
            if (o.leader() && o != c && !complete(s, o, c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean complete(RaftTraceState s, ServerView leader, ServerView i) {
        if (i.term > leader.term) {
            return true;
        }
        for (long k = 1; k <= i.commitIndex; k++) {
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
        for (ServerView o : s.servers.values()) {
            long n = Math.min(c.commitIndex, o.commitIndex);
            for (long k = 1; o != c && k <= n; k++) {
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
