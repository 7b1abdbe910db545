package dev.conform.algorithms.raft;

/**
 * Every place where a teaching flaw ({@link RaftFlaw}) can change what a server decides. The
 * algorithm's classes state the correct rule and pass its outcome through one of these named
 * decision points; with no flaw switched on, each returns the correct outcome unchanged. To read
 * Raft, skip the calls; to find a flaw, start here.
 */
final class RaftFlaws {
    private final boolean voteWithoutLogCheck;
    private final boolean voteTwice;
    private final boolean appendWithoutPrevCheck;
    private final boolean commitOldTermByCounting;

    RaftFlaws(RaftConfig config) {
        this.voteWithoutLogCheck = config.has(RaftFlaw.VOTE_WITHOUT_LOG_CHECK);
        this.voteTwice = config.has(RaftFlaw.VOTE_TWICE);
        this.appendWithoutPrevCheck = config.has(RaftFlaw.APPEND_WITHOUT_PREV_CHECK);
        this.commitOldTermByCounting = config.has(RaftFlaw.COMMIT_OLD_TERM_BY_COUNTING);
    }

    /**
     * HandleRequestVote, the election restriction (section 5.4.1): is the candidate's log at
     * least as up-to-date as the voter's? {@link RaftFlaw#VOTE_WITHOUT_LOG_CHECK} says always.
     */
    boolean candidateLogOk(boolean upToDate) {
        return upToDate || voteWithoutLogCheck;
    }

    /**
     * HandleRequestVote, one vote per term: is the vote of this term still free for the
     * candidate? {@link RaftFlaw#VOTE_TWICE} says always.
     */
    boolean voteFree(boolean notVotedForAnother) {
        return notVotedForAnother || voteTwice;
    }

    /**
     * HandleAppendEntries, the consistency check: does the entry at prevLogIndex have term
     * prevLogTerm? {@link RaftFlaw#APPEND_WITHOUT_PREV_CHECK} accepts any entry there.
     */
    boolean prevTermMatches(boolean termsEqual) {
        return termsEqual || appendWithoutPrevCheck;
    }

    /**
     * AdvanceCommitIndex, the commit rule (section 5.4.2): may entries of earlier terms be
     * committed by counting replicas? Only with {@link RaftFlaw#COMMIT_OLD_TERM_BY_COUNTING}.
     */
    boolean commitOldTermsByCounting() {
        return commitOldTermByCounting;
    }
}
