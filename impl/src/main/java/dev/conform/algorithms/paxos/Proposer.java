package dev.conform.algorithms.paxos;

import dev.conform.runtime.Context;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The proposer and, once phase 1 completed, the leader: StartBallot, HandlePromise (adopting, per
 * slot, the value of the highest ballot among the quorum's votes, and noop for the holes),
 * Propose, HandleAccepted (chosen on a majority of Accepted for one ballot and slot),
 * SendHeartbeat, HandleCatchUp and HandleNack. Its state is volatile: a restarted server is
 * a follower until it wins a new ballot.
 */
final class Proposer {
    private final PaxosNode n;
    private boolean leading;
    /** Phase 1 of the current ballot is running: only then are promises counted. */
    private boolean preparing;
    /** Promises for the current ballot by acceptor (this server's own included). */
    private final Map<Integer, PaxosMessage.Promise> promises = new HashMap<>();
    /** The leader's proposals not yet known chosen, and who accepted them. */
    private final NavigableMap<Long, String> proposals = new TreeMap<>();
    private final Map<Long, Set<Integer>> votes = new HashMap<>();
    private long nextSlot;
    /** Slots chosen by the step being taken, told to the other learners after it is recorded. */
    private final NavigableMap<Long, String> decided = new TreeMap<>();

    Proposer(PaxosNode node) {
        this.n = node;
    }

    boolean leading() {
        return leading;
    }

    /** A promise above the own ballot ends phase 1 of it (the leader's part is {@link #stopLeading}). */
    void deposed() {
        preparing = false;
    }

    /** Phase 1 of the current ballot is over or abandoned. */
    void stopLeading() {
        leading = false;
        preparing = false;
        promises.clear();
        proposals.clear();
        votes.clear();
    }

    /** Proposals up to {@code index} are in a snapshot now. */
    void truncate(long index) {
        proposals.headMap(index, true).clear();
        votes.keySet().removeIf(s -> s <= index);
        nextSlot = Math.max(nextSlot, index + 1);
    }

    /** The smallest ballot this server owns above {@code above} (ballot b belongs to the ((b-1) mod N)+1-th server). */
    static long nextBallot(long above, int rank, int servers) {
        long b = (above / servers) * servers + rank;
        return b > above ? b : b + servers;
    }

    /** Spec action StartBallot: a new ballot, promised by this server's own acceptor, and Prepare to the others. */
    void startBallot(Context<PaxosMessage> ctx) {
        stopLeading();
        Acceptor a = n.acceptor;
        long b = nextBallot(Math.max(a.ballot(), a.promised()), n.servers.indexOf(ctx.self()) + 1, n.servers.size());
        a.startBallot(b);
        preparing = true;
        n.leaderId = 0;
        promises.put(ctx.self(), new PaxosMessage.Promise(b, a.votes(), a.snapshotIndex()));
        boolean leads = promises.size() >= n.phase1Quorum() && lead(ctx); // a single server leads at once
        n.record(ctx, "StartBallot");
        n.sendPeers(ctx, new PaxosMessage.Prepare(b));
        if (leads) {
            sendAccepts(ctx);
        } else {
            n.resetElectionTimer(ctx); // try again with a higher ballot if phase 1 does not complete
        }
        n.applyChosen(ctx);
    }

    /**
     * Spec action HandlePromise: a promise for the current ballot is counted while phase 1 of it
     * runs: not once this server leads, was deposed (its own acceptor promised a higher ballot,
     * and its votes at this one would break that promise) or restarted (a late promise must not
     * make it lead an old ballot again without its earlier proposals). With a majority it leads.
     */
    void handlePromise(Context<PaxosMessage> ctx, int from, PaxosMessage.Promise m) {
        boolean leads = false;
        if (preparing && m.ballot() == n.acceptor.ballot()) {
            promises.put(from, m);
            leads = promises.size() >= n.phase1Quorum() && lead(ctx);
        }
        n.record(ctx, "HandlePromise");
        if (leads) {
            sendAccepts(ctx);
        }
        n.applyChosen(ctx);
    }

    /**
     * Phase 1 complete. Slots up to the highest snapshot in the quorum (or the own one) are chosen
     * and compacted somewhere; every slot after it, up to the highest vote in the quorum, gets
     * the value of its highest-ballot vote, or noop; this server's acceptor votes for each. (The
     * flaw no-adopt-highest ignores the votes: no slot is re-proposed.) Returns true.
     */
    private boolean lead(Context<PaxosMessage> ctx) {
        leading = true;
        preparing = false;
        n.leaderId = ctx.self();
        long lo = n.acceptor.snapshotIndex();
        long hi = 0;
        Map<Long, Vote> highest = new TreeMap<>();
        for (PaxosMessage.Promise p : promises.values()) {
            lo = Math.max(lo, p.snapshotIndex());
            if (n.config.has(PaxosFlaw.NO_ADOPT_HIGHEST)) {
                continue;
            }
            for (Vote v : p.accepted()) {
                highest.merge(v.slot(), v, (x, y) -> y.ballot() > x.ballot() ? y : x);
                hi = Math.max(hi, v.slot());
            }
        }
        long b = n.acceptor.ballot();
        for (long s = lo + 1; s <= hi; s++) {
            Vote v = highest.get(s);
            addProposal(ctx, s, b, v != null ? v.value() : Learner.NOOP);
        }
        long top = Math.max(lo, hi);
        if (!n.config.has(PaxosFlaw.NO_ADOPT_HIGHEST) && !n.learner.chosen().isEmpty()) {
            top = Math.max(top, n.learner.chosen().lastKey());
        }
        nextSlot = top + 1;
        ctx.cancelTimer(PaxosNode.ELECTION_TIMER);
        ctx.setTimer(PaxosNode.HEARTBEAT_TIMER, n.config.heartbeatTicks(), n.config.heartbeatTicks());
        chooseReady();
        return true;
    }

    /** A proposal of this leader for slot {@code s}, voted for by its own acceptor. */
    private void addProposal(Context<PaxosMessage> ctx, long s, long b, String value) {
        proposals.put(s, value);
        n.acceptor.accept(s, b, value);
        Set<Integer> vs = new HashSet<>();
        vs.add(ctx.self());
        votes.put(s, vs);
    }

    /** Accept for every open proposal (after phase 1), then Decide for those already chosen. */
    private void sendAccepts(Context<PaxosMessage> ctx) {
        long b = n.acceptor.ballot();
        for (Map.Entry<Long, String> e : proposals.entrySet()) {
            n.sendPeers(ctx, new PaxosMessage.Accept(b, e.getKey(), e.getValue()));
        }
        sendDecides(ctx);
    }

    /**
     * Spec action Propose: the next free slot (above every slot known chosen) gets the client's
     * command; this server's acceptor votes for it.
     */
    void propose(Context<PaxosMessage> ctx, String value) {
        // never a slot known chosen: a newer leader's Decide may have reached this one, not deposed
        long known = n.learner.chosen().isEmpty() ? n.acceptor.snapshotIndex()
                : Math.max(n.acceptor.snapshotIndex(), n.learner.chosen().lastKey());
        long s = Math.max(nextSlot, known + 1);
        nextSlot = s + 1;
        long b = n.acceptor.ballot();
        addProposal(ctx, s, b, value);
        chooseReady();
        n.record(ctx, "Propose");
        n.sendPeers(ctx, new PaxosMessage.Accept(b, s, value));
        sendDecides(ctx);
        n.applyChosen(ctx);
    }

    /** Spec action HandleAccepted: a vote for a proposal of the current ballot; a quorum chooses it. */
    void handleAccepted(Context<PaxosMessage> ctx, int from, PaxosMessage.Accepted m) {
        if (leading && m.ballot() == n.acceptor.ballot() && proposals.containsKey(m.slot())) {
            votes.get(m.slot()).add(from);
            chooseReady();
        }
        n.record(ctx, "HandleAccepted");
        sendDecides(ctx);
        n.applyChosen(ctx);
    }

    /** Moves every proposal with a quorum of votes to chosen. */
    private void chooseReady() {
        var it = proposals.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, String> e = it.next();
            if (votes.get(e.getKey()).size() >= n.quorum()) {
                n.learner.learn(e.getKey(), e.getValue());
                decided.put(e.getKey(), e.getValue());
                votes.remove(e.getKey());
                it.remove();
            }
        }
    }

    private void sendDecides(Context<PaxosMessage> ctx) {
        for (Map.Entry<Long, String> e : decided.entrySet()) {
            n.sendPeers(ctx, new PaxosMessage.Decide(e.getKey(), e.getValue()));
        }
        decided.clear();
    }

    /**
     * Spec action SendHeartbeat: the leader's liveness, with how far its chosen prefix reaches;
     * Accept goes again for every proposal not chosen yet (a lost Accept or Accepted would
     * otherwise leave its slot open, and every later slot unapplied, for good).
     */
    void sendHeartbeat(Context<PaxosMessage> ctx) {
        n.record(ctx, "SendHeartbeat");
        n.sendPeers(ctx, new PaxosMessage.Heartbeat(n.acceptor.ballot(), n.chosenUpTo()));
        long b = n.acceptor.ballot();
        for (Map.Entry<Long, String> e : proposals.entrySet()) {
            n.sendPeers(ctx, new PaxosMessage.Accept(b, e.getKey(), e.getValue()));
        }
        ctx.setTimer(PaxosNode.HEARTBEAT_TIMER, n.config.heartbeatTicks(), n.config.heartbeatTicks());
    }

    /**
     * Spec action HandleCatchUp: a follower that applied only up to {@code m.applied} gets the
     * leader's snapshot when it is behind it, then a Decide for every slot known chosen after.
     */
    void handleCatchUp(Context<PaxosMessage> ctx, int from, PaxosMessage.CatchUp m) {
        n.record(ctx, "HandleCatchUp");
        if (!leading || m.ballot() != n.acceptor.ballot()) {
            return;
        }
        Acceptor a = n.acceptor;
        if (m.applied() < a.snapshotIndex()) {
            ctx.send(from, new PaxosMessage.InstallSnapshot(a.ballot(), a.snapshotIndex(), a.snapshot()));
        }
        for (Map.Entry<Long, String> e : n.learner.chosen().tailMap(Math.max(m.applied(), a.snapshotIndex()), false)
                .entrySet()) {
            ctx.send(from, new PaxosMessage.Decide(e.getKey(), e.getValue()));
        }
    }

    /** Spec action HandleNack: a higher promise exists; it is promised here too, and a leader steps down. */
    void handleNack(Context<PaxosMessage> ctx, PaxosMessage.Nack m) {
        n.observe(ctx, m.ballot());
        n.record(ctx, "HandleNack");
    }
}
