package dev.conform.algorithms.raft;

import dev.conform.runtime.Context;

/**
 * The state a server keeps across a crash (Figure 2 of the paper, plus the snapshot in the
 * log): currentTerm, votedFor and the log. It knows whether it changed since it was last
 * persisted, so a handler persists it once at its end and only when needed (the runtime makes it
 * durable before the handler's messages leave); a change of the log is seen through
 * {@link RaftLog#version()}.
 */
final class DurableState {
    private long currentTerm;
    private int votedFor;
    private final RaftLog log;
    /** The term or the vote changed since the last {@link #persistIfChanged}. */
    private boolean termOrVoteChanged;
    /** {@link RaftLog#version()} at the last {@link #persistIfChanged}. */
    private long persistedLogVersion;

    DurableState(RaftPersistentState p) {
        this.currentTerm = p.currentTerm();
        this.votedFor = p.votedFor();
        this.log = new RaftLog(p.snapshotIndex(), p.snapshotTerm(), p.snapshotData(), p.log());
        this.persistedLogVersion = log.version();
    }

    long currentTerm() {
        return currentTerm;
    }

    /** The candidate voted for in currentTerm, 0 for none. */
    int votedFor() {
        return votedFor;
    }

    /** The log; its changes are persisted by the next {@link #persistIfChanged}. */
    RaftLog log() {
        return log;
    }

    /** UpdateTerm: a newer term, in which this server has not voted yet. */
    void updateTerm(long term) {
        currentTerm = term;
        votedFor = 0;
        termOrVoteChanged = true;
    }

    /** Timeout: the next term, voting for itself. */
    void startTerm(int self) {
        currentTerm++;
        votedFor = self;
        termOrVoteChanged = true;
    }

    /** HandleRequestVote granting the vote of currentTerm to {@code candidate}. */
    void vote(int candidate) {
        votedFor = candidate;
        termOrVoteChanged = true;
    }

    /** Persists the state if it changed since it was last persisted (once, at a handler's end). */
    void persistIfChanged(Context<RaftMessage> ctx) {
        if (termOrVoteChanged || log.version() != persistedLogVersion) {
            ctx.persist(persistentState());
            termOrVoteChanged = false;
            persistedLogVersion = log.version();
        }
    }

    /** The state as the immutable record that is persisted. */
    RaftPersistentState persistentState() {
        return new RaftPersistentState(currentTerm, votedFor, log.snapshotIndex(),
                log.snapshotTerm(), log.snapshotData(), log.entries());
    }
}
