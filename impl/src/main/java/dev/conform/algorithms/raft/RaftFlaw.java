package dev.conform.algorithms.raft;

import dev.conform.runtime.TeachingFlaw;

/**
 * Deliberate bugs for teaching. Each one removes one safeguard of the algorithm; a run with the
 * flaw on can then break a safety property that the spec's invariants and the Java invariants
 * catch, or (the last two) the linearizability of what clients saw, which the gate's
 * linearizability check catches. See {@code package-info.java} for the scenarios.
 */
public enum RaftFlaw implements TeachingFlaw {
    /**
     * A server grants its vote without checking that the candidate's log is at least as
     * up-to-date as its own. A leader can then miss committed entries and overwrite them on
     * the followers: breaks Leader Completeness and State Machine Safety.
     */
    VOTE_WITHOUT_LOG_CHECK("VoteWithoutLogCheck"),

    /**
     * A leader commits any entry stored on a majority, also entries of earlier terms (Figure 8
     * of the Raft paper). Such an entry can still be overwritten by a later leader: breaks
     * State Machine Safety (two servers apply different commands at one index).
     */
    COMMIT_OLD_TERM_BY_COUNTING("CommitOldTerm"),

    /**
     * A follower accepts AppendEntries when it has an entry at prevLogIndex, without checking
     * that the entry has term prevLogTerm. Logs stop agreeing on their prefixes: breaks Log
     * Matching, and the follower then commits its own conflicting entry as the leader's.
     */
    APPEND_WITHOUT_PREV_CHECK("AppendWithoutPrevCheck"),

    /**
     * A server grants a vote even when it already voted for another candidate in this term.
     * Two candidates can both collect a majority: breaks Election Safety (two leaders in one
     * term).
     */
    VOTE_TWICE("VoteTwice"),

    /**
     * A leader answers a get at once from its own state machine, without committing it through
     * the log or otherwise confirming it still leads. A deposed leader cut off in a minority
     * partition keeps answering, and a new leader answers before it has applied what its
     * predecessor acknowledged: reads return stale values. Every step of the servers' protocol
     * stays legal, so only the clients' history shows it: not linearizable.
     */
    STALE_READ("StaleRead"),

    /**
     * The state machine skips its session check: a retried command that is already in the log
     * (a client's retry reaching the leader before the first copy was applied, or a new leader)
     * is applied a second time. A put applied again after a later write undoes that write; an
     * append shows up twice. Only the clients' history shows it: not linearizable.
     */
    RETRY_APPLIED_TWICE("RetryAppliedTwice"),

    /**
     * A server that stands for election does not arm a new election timer: when its election
     * fails (a split vote, lost votes) it never stands again, and once every server is stuck so
     * the cluster has no leader for ever. It refuses a step the spec allows (a candidate's
     * Timeout) and never takes a step the spec forbids, so every trace it records passes trace
     * validation; only a model-based test ({@code conform mbt raft}), which asks for that
     * Timeout, sees it. Not modelled in Raft.tla.
     */
    CANDIDATE_NEVER_RETRIES("CandidateNeverRetries");

    private final String specName;

    RaftFlaw(String specName) {
        this.specName = specName;
    }

    @Override
    public String flawName() {
        return specName;
    }

    /**
     * The run option name; for the flaws of the servers' protocol also the value of the spec's
     * {@code Flaw} constant that models it (Raft.tla does not model the client-visible ones,
     * {@link #STALE_READ} and {@link #RETRY_APPLIED_TWICE}, nor {@link #CANDIDATE_NEVER_RETRIES}).
     */
    public String specName() {
        return specName;
    }
}
