package dev.conform.algorithms.raft;

/**
 * Every place where a teaching flaw ({@link RaftFlaw}) can change what a server decides. The
 * algorithm's classes state the correct rule and pass its outcome through one of these named
 * decision points; with no flaw switched on, each returns the correct outcome unchanged. To read
 * Raft, skip the calls; to find a flaw, start here.
 */
public final class RaftFlaws {
    private static final RaftFlaws NONE = new RaftFlaws(RaftConfig.defaults());

    private final boolean voteWithoutLogCheck;
    private final boolean voteTwice;
    private final boolean appendWithoutPrevCheck;
    private final boolean commitOldTermByCounting;
    private final boolean staleRead;
    private final boolean retryAppliedTwice;
    private final boolean candidateNeverRetries;

    /** The decision points of a server with {@code config}'s flaws. */
    public static RaftFlaws of(RaftConfig config) {
        return config.flaws().isEmpty() ? NONE : new RaftFlaws(config);
    }

    /** The correct decisions everywhere. */
    public static RaftFlaws none() {
        return NONE;
    }

    private RaftFlaws(RaftConfig config) {
        this.voteWithoutLogCheck = config.has(RaftFlaw.VOTE_WITHOUT_LOG_CHECK);
        this.voteTwice = config.has(RaftFlaw.VOTE_TWICE);
        this.appendWithoutPrevCheck = config.has(RaftFlaw.APPEND_WITHOUT_PREV_CHECK);
        this.commitOldTermByCounting = config.has(RaftFlaw.COMMIT_OLD_TERM_BY_COUNTING);
        this.staleRead = config.has(RaftFlaw.STALE_READ);
        this.retryAppliedTwice = config.has(RaftFlaw.RETRY_APPLIED_TWICE);
        this.candidateNeverRetries = config.has(RaftFlaw.CANDIDATE_NEVER_RETRIES);
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

    /**
     * Timeout: does a new candidate arm its election timer, so that a failed election is
     * followed by another? {@link RaftFlaw#CANDIDATE_NEVER_RETRIES} says no.
     */
    boolean candidateRetries() {
        return !candidateNeverRetries;
    }

    /**
     * ClientRequest, a leader's read (section 8 of the paper): must a read-only command go
     * through the log like any other, so that it is answered only once committed in the leader's
     * term? {@link RaftFlaw#STALE_READ} says no: the leader answers from its own state at once.
     */
    boolean readsThroughLog() {
        return !staleRead;
    }

    /**
     * The state machine's session check (section 6.3 of the dissertation): is a command whose
     * sequence number is not above its client's last applied one a retry, not to be applied
     * again? {@link RaftFlaw#RETRY_APPLIED_TWICE} says never.
     */
    public boolean isAppliedRetry(boolean seqNotAboveLast) {
        return seqNotAboveLast && !retryAppliedTwice;
    }
}
