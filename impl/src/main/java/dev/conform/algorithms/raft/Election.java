package dev.conform.algorithms.raft;

import dev.conform.runtime.Context;

/**
 * Leader election (section 5.2 of the paper): a follower that hears nothing for a randomised
 * timeout becomes a candidate of the next term; a server grants at most one vote per term, and
 * only to a candidate whose log is at least as up-to-date as its own (section 5.4.1).
 */
final class Election {
    private final RaftNode n;

    Election(RaftNode node) {
        this.n = node;
    }

    /** Spec action Timeout: start an election in the next term, voting for itself. */
    void timeout(Context<RaftMessage> ctx) {
        if (n.role == Role.Leader) {
            return;
        }
        n.currentTerm++;
        n.role = Role.Candidate;
        n.votedFor = ctx.self();
        n.leaderId = 0;
        n.votesGranted.clear();
        n.votesGranted.add(ctx.self());
        n.markDirty();
        n.record(ctx, "Timeout");
        n.resetElectionTimer(ctx);
        if (n.votesGranted.size() >= n.quorum()) {
            becomeLeader(ctx);
            return;
        }
        RaftMessage vote = new RaftMessage.RequestVote(n.currentTerm, n.log.lastIndex(),
                n.log.lastTerm());
        for (int peer : n.peers(ctx)) {
            n.send(ctx, peer, vote);
        }
    }

    /** Spec action HandleRequestVote (a higher term was taken by UpdateTerm just before). */
    void handleRequestVote(Context<RaftMessage> ctx, int from, RaftMessage.RequestVote m) {
        boolean grant = m.term() == n.currentTerm && logOk(m)
                && (n.votedFor == 0 || n.votedFor == from || n.config.has(RaftFlaw.VOTE_TWICE));
        if (grant) {
            n.votedFor = from;
            n.markDirty();
            n.resetElectionTimer(ctx);
        }
        n.record(ctx, "HandleRequestVote");
        n.send(ctx, from, new RaftMessage.RequestVoteResponse(n.currentTerm, grant));
    }

    private boolean logOk(RaftMessage.RequestVote m) {
        if (n.config.has(RaftFlaw.VOTE_WITHOUT_LOG_CHECK)) {
            return true;
        }
        long myTerm = n.log.lastTerm();
        return m.lastLogTerm() > myTerm
                || (m.lastLogTerm() == myTerm && m.lastLogIndex() >= n.log.lastIndex());
    }

    /**
     * Spec action HandleRequestVoteResponse; a vote that completes a majority elects. A stale
     * answer (earlier term, or no longer a candidate) is consumed without change.
     */
    void handleRequestVoteResponse(Context<RaftMessage> ctx, int from,
                                   RaftMessage.RequestVoteResponse m) {
        if (m.voteGranted() && m.term() == n.currentTerm && n.role == Role.Candidate) {
            n.votesGranted.add(from);
        }
        n.record(ctx, "HandleRequestVoteResponse");
        if (n.role == Role.Candidate && n.votesGranted.size() >= n.quorum()) {
            becomeLeader(ctx);
        }
    }

    /** Spec action BecomeLeader: start replicating from the end of the own log. */
    void becomeLeader(Context<RaftMessage> ctx) {
        n.role = Role.Leader;
        n.leaderId = ctx.self();
        n.nextIndex.clear();
        n.matchIndex.clear();
        for (int peer : n.peers(ctx)) {
            n.nextIndex.put(peer, n.log.lastIndex() + 1);
            n.matchIndex.put(peer, 0L);
        }
        ctx.cancelTimer(RaftNode.ELECTION_TIMER);
        n.record(ctx, "BecomeLeader");
        n.flush(ctx);
        ctx.setTimer(RaftNode.HEARTBEAT_TIMER, n.config.heartbeatTicks(), n.config.heartbeatTicks());
        n.replication.broadcastAppend(ctx);
    }
}
