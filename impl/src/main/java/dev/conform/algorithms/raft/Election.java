package dev.conform.algorithms.raft;

import dev.conform.runtime.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Leader election (section 5.2 of the paper): a follower that hears nothing for a randomised
 * timeout becomes a candidate of the next term; a server grants at most one vote per term, and
 * only to a candidate whose log is at least as up-to-date as its own (section 5.4.1).
 *
 * <p>Owns the server's role, the leader it knows and the votes it collected as a candidate; the
 * term and the vote are {@link DurableState}'s.
 */
final class Election {
    private final RaftNode n;
    private final DurableState durable;
    private final RaftFlaws flaws;

    private Role role = Role.Follower;
    /** The known leader of the current term, 0 when unknown. */
    private int leaderId;
    private final Set<Integer> votesGranted = new HashSet<>();

    Election(RaftNode node, DurableState durable, RaftFlaws flaws) {
        this.n = node;
        this.durable = durable;
        this.flaws = flaws;
    }

    Role role() {
        return role;
    }

    int leaderId() {
        return leaderId;
    }

    /** The servers whose votes this candidate counted in its current term, ascending. */
    List<Integer> votesGranted() {
        List<Integer> v = new ArrayList<>(votesGranted);
        Collections.sort(v);
        return v;
    }

    /** A follower knowing no leader: after a start or restart, and on UpdateTerm. */
    void stepDown() {
        role = Role.Follower;
        leaderId = 0;
        votesGranted.clear();
    }

    /** A valid message of the current term's leader: a candidate gives up; the timer restarts. */
    void follow(Context<RaftMessage> ctx, int leader) {
        role = Role.Follower;
        leaderId = leader;
        votesGranted.clear();
        n.resetElectionTimer(ctx);
    }

    /** Spec action Timeout: start an election in the next term, voting for itself. */
    void timeout(Context<RaftMessage> ctx) {
        if (role == Role.Leader) {
            return;
        }
        durable.startTerm(ctx.self());
        role = Role.Candidate;
        leaderId = 0;
        votesGranted.clear();
        votesGranted.add(ctx.self());
        n.record(ctx, "Timeout");
        if (flaws.candidateRetries()) {
            n.resetElectionTimer(ctx);
        }
        if (votesGranted.size() >= n.quorum()) {
            becomeLeader(ctx);
            return;
        }
        RaftLog log = durable.log();
        RaftMessage vote = new RaftMessage.RequestVote(durable.currentTerm(), log.lastIndex(),
                log.lastTerm());
        for (int peer : n.peers(ctx)) {
            ctx.send(peer, vote);
        }
    }

    /** Spec action HandleRequestVote (a higher term was taken by UpdateTerm just before). */
    void handleRequestVote(Context<RaftMessage> ctx, int from, RaftMessage.RequestVote m) {
        int votedFor = durable.votedFor();
        boolean grant = m.term() == durable.currentTerm()
                && flaws.candidateLogOk(upToDate(m))
                && flaws.voteFree(votedFor == 0 || votedFor == from);
        if (grant) {
            durable.vote(from);
            n.resetElectionTimer(ctx);
        }
        n.record(ctx, "HandleRequestVote");
        ctx.send(from, new RaftMessage.RequestVoteResponse(durable.currentTerm(), grant));
    }

    /** The candidate's log ends in a later term, or in the same term and is at least as long. */
    private boolean upToDate(RaftMessage.RequestVote m) {
        RaftLog log = durable.log();
        long myTerm = log.lastTerm();
        return m.lastLogTerm() > myTerm
                || (m.lastLogTerm() == myTerm && m.lastLogIndex() >= log.lastIndex());
    }

    /**
     * Spec action HandleRequestVoteResponse; a vote that completes a majority elects. A stale
     * answer (earlier term, or no longer a candidate) is consumed without change.
     */
    void handleRequestVoteResponse(Context<RaftMessage> ctx, int from,
                                   RaftMessage.RequestVoteResponse m) {
        if (m.voteGranted() && m.term() == durable.currentTerm() && role == Role.Candidate) {
            votesGranted.add(from);
        }
        n.record(ctx, "HandleRequestVoteResponse");
        if (role == Role.Candidate && votesGranted.size() >= n.quorum()) {
            becomeLeader(ctx);
        }
    }

    /** Spec action BecomeLeader: start replicating from the end of the own log. */
    private void becomeLeader(Context<RaftMessage> ctx) {
        role = Role.Leader;
        leaderId = ctx.self();
        n.replication.startLeading(ctx);
        ctx.cancelTimer(RaftNode.ELECTION_TIMER);
        n.record(ctx, "BecomeLeader");
        ctx.setTimer(RaftNode.HEARTBEAT_TIMER, n.config.heartbeatTicks(), n.config.heartbeatTicks());
        n.replication.broadcastAppend(ctx);
    }
}
