package dev.conform.algorithms.paxos;

import dev.conform.runtime.Context;

/**
 * The acceptor and learner steps of a server: HandlePrepare, HandleAccept, HandleDecide,
 * HandleHeartbeat and HandleInstallSnapshot. What an acceptor promises or accepts is persisted
 * before its answer leaves (the node persists at the handler's end; the runtime writes it
 * before the sends).
 */
final class Replica {
    private final PaxosNode n;

    Replica(PaxosNode node) {
        this.n = node;
    }

    /** Spec action HandlePrepare: promise a ballot at least as high as the promise (with the votes), else Nack. */
    void handlePrepare(Context<PaxosMessage> ctx, int from, PaxosMessage.Prepare m) {
        Acceptor a = n.acceptor;
        if (m.ballot() < a.promised()) {
            n.record(ctx, "HandlePrepare");
            ctx.send(from, new PaxosMessage.Nack(a.promised()));
            return;
        }
        n.observe(ctx, m.ballot());
        n.resetElectionTimer(ctx); // give the proposer time to complete its ballot
        n.record(ctx, "HandlePrepare");
        ctx.send(from, new PaxosMessage.Promise(m.ballot(), a.votes(), a.snapshotIndex()));
    }

    /**
     * Spec action HandleAccept: vote for the value if the ballot is at least the promise (the
     * flaw accept-below-promise: any ballot) and the slot is above the snapshot (below it, the
     * slot is chosen and compacted: nothing to vote on); otherwise no change.
     */
    void handleAccept(Context<PaxosMessage> ctx, int from, PaxosMessage.Accept m) {
        Acceptor a = n.acceptor;
        boolean ballotOk = m.ballot() >= a.promised();
        boolean votes = (ballotOk || n.config.has(PaxosFlaw.ACCEPT_BELOW_PROMISE)) && m.slot() > a.snapshotIndex();
        if (votes) {
            n.observe(ctx, m.ballot());
            a.accept(m.slot(), m.ballot(), m.value());
        }
        if (ballotOk) {
            n.leaderId = from;
            n.resetElectionTimer(ctx);
        }
        n.record(ctx, "HandleAccept");
        if (votes) {
            ctx.send(from, new PaxosMessage.Accepted(m.ballot(), m.slot()));
        } else if (!ballotOk) {
            ctx.send(from, new PaxosMessage.Nack(a.promised()));
        }
    }

    /** Spec action HandleDecide: a chosen value is learned, then applied if it extends the prefix. */
    void handleDecide(Context<PaxosMessage> ctx, PaxosMessage.Decide m) {
        if (m.slot() > n.acceptor.snapshotIndex()) {
            n.learner.learn(m.slot(), m.value());
        }
        n.record(ctx, "HandleDecide");
        n.applyChosen(ctx);
    }

    /**
     * Spec action HandleHeartbeat, no change of state: a leader of a ballot at least the promise
     * is followed (timer reset); a follower whose applied prefix is behind the leader's chosen
     * one asks it to CatchUp, and a follower whose snapshot is ahead sends it the snapshot. A
     * stale leader gets a Nack.
     */
    void handleHeartbeat(Context<PaxosMessage> ctx, int from, PaxosMessage.Heartbeat m) {
        Acceptor a = n.acceptor;
        n.record(ctx, "HandleHeartbeat");
        if (m.ballot() < a.promised()) {
            ctx.send(from, new PaxosMessage.Nack(a.promised()));
            return;
        }
        n.leaderId = from;
        n.resetElectionTimer(ctx);
        if (n.learner.applied() < m.chosenUpTo()) {
            ctx.send(from, new PaxosMessage.CatchUp(m.ballot(), n.learner.applied()));
        }
        if (m.chosenUpTo() < a.snapshotIndex()) {
            ctx.send(from, new PaxosMessage.InstallSnapshot(a.ballot(), a.snapshotIndex(), a.snapshot()));
        }
    }

    /**
     * Spec action HandleInstallSnapshot: a snapshot above the own one becomes the snapshot, votes
     * and chosen slots up to it are dropped (later ones stay), and a store behind it jumps to it.
     * (The flaw snapshot-overwrites-newer drops every vote and chosen slot, also those above it.)
     */
    void handleInstallSnapshot(Context<PaxosMessage> ctx, PaxosMessage.InstallSnapshot m) {
        Acceptor a = n.acceptor;
        Learner l = n.learner;
        if (m.index() > a.snapshotIndex()) {
            a.snapshot(m.index(), m.state());
            if (m.index() > l.applied()) {
                l.install(m.index(), m.state());
            } else {
                l.truncate(m.index());
            }
            if (n.config.has(PaxosFlaw.SNAPSHOT_OVERWRITES_NEWER)) {
                a.forgetAllVotes();
                l.forgetAllChosen();
            }
            n.proposer.truncate(m.index());
        }
        n.record(ctx, "HandleInstallSnapshot");
        n.applyChosen(ctx);
    }
}
