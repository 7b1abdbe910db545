package dev.conform.algorithms.raft;

import java.util.Collection;
import java.util.function.LongUnaryOperator;

/**
 * The leader's commit rule (section 5.3 and 5.4.2 of the Raft paper): the commit index moves to
 * the largest N stored on a majority of servers whose entry has the leader's current term.
 * Entries of earlier terms are never committed by counting replicas; they become committed
 * indirectly, as the prefix of a current-term entry.
 */
final class CommitRule {
    private CommitRule() {
    }

    /**
     * The new commit index.
     *
     * @param matchIndexes   for every server (the leader included: its last log index) the
     *                       highest index known to be replicated there
     * @param termAt         term of the leader's entry at an index
     * @param countOldTerms  the {@link RaftFlaw#COMMIT_OLD_TERM_BY_COUNTING} flaw: also commit
     *                       earlier-term entries by counting
     */
    static long advance(long commitIndex, long lastIndex, long currentTerm,
                        Collection<Long> matchIndexes, LongUnaryOperator termAt,
                        boolean countOldTerms) {
        long[] ms = new long[matchIndexes.size()];
        int k = 0;
        for (long m : matchIndexes) {
            ms[k++] = m;
        }
        return advance(commitIndex, lastIndex, currentTerm, ms, termAt, countOldTerms);
    }

    /** As above, with the match indexes in an array (the leader's hot path: no boxing). */
    static long advance(long commitIndex, long lastIndex, long currentTerm,
                        long[] matchIndexes, LongUnaryOperator termAt,
                        boolean countOldTerms) {
        int quorum = matchIndexes.length / 2 + 1;
        for (long n = lastIndex; n > commitIndex; n--) {
            long term = termAt.applyAsLong(n);
            if (term < currentTerm && !countOldTerms) {
                // Terms only grow along the log: no lower index can have the current term.
                return commitIndex;
            }
            if (term != currentTerm && !countOldTerms) {
                continue;
            }
            int replicas = 0;
            for (long m : matchIndexes) {
                if (m >= n) {
                    replicas++;
                }
            }
            if (replicas >= quorum) {
                return n;
            }
        }
        return commitIndex;
    }
}
