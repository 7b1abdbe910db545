package dev.conform.algorithms.pbft;

import dev.conform.algorithms.pbft.PbftMessage.Checkpoint;
import dev.conform.algorithms.pbft.PbftMessage.ClientRequest;
import dev.conform.algorithms.pbft.PbftMessage.Commit;
import dev.conform.algorithms.pbft.PbftMessage.PrePrepare;
import dev.conform.algorithms.pbft.PbftMessage.Prepare;
import dev.conform.algorithms.raft.ClientCommand;
import dev.conform.runtime.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The normal case of a replica: ReceiveRequest, HandlePrePrepare, HandlePrepare, HandleCommit,
 * Execute (one seq per action) and HandleCheckpoint, with the watermarks and garbage collection
 * at a stable checkpoint. Each handler records its action before the sends it causes; a
 * delivery that changes nothing is {@code Ignore}.
 */
final class NormalCase {
    private final PbftReplica r;

    NormalCase(PbftReplica replica) {
        this.r = replica;
    }

    /**
     * ReceiveRequest: an executed request is answered again from the store's session; the primary
     * assigns a new one the next seq (if the window allows) and sends the PrePrepare; a backup
     * remembers it, starts its timer and forwards it to the primary. A request whose digest is not
     * its own is Ignore.
     */
    void receiveRequest(Context<PbftMessage> ctx, ClientRequest m) {
        if (!NewViewRule.digestMatches(m.digest(), m) || r.q.servers.contains(m.clientId())) {
            r.ignore(ctx);
            return;
        }
        if (r.store.applied(m.clientId(), m.seq())) {
            r.record(ctx, "ReceiveRequest");
            if (r.store.cachedResult(m.clientId(), m.seq()) != null || lastOf(m)) {
                ctx.send(m.clientId(), r.reply(m, r.store.cachedResult(m.clientId(), m.seq())));
            }
            return;
        }
        boolean known = r.pending.containsKey(PbftReplica.key(m));
        r.pending.putIfAbsent(PbftReplica.key(m), m);
        r.changed();
        if (r.primary() && !r.changing) {
            PrePrepare pp = assignedInView(m) || r.assigned + 1 > r.h + r.opts.window() ? null : assign(m);
            updateRequestTimer(ctx);
            r.record(ctx, "ReceiveRequest");
            if (pp != null) {
                r.sendReplicas(ctx, pp);
            }
            return;
        }
        updateRequestTimer(ctx);
        r.record(ctx, "ReceiveRequest");
        if (!r.changing && !known) {
            ctx.send(r.q.primary(r.view), m);
        }
    }

    /** True when {@code m} is the client's last executed request (its answer may be null). */
    private boolean lastOf(ClientRequest m) {
        return r.store.applied(m.clientId(), m.seq()) && !r.store.applied(m.clientId(), m.seq() + 1);
    }

    private boolean assignedInView(ClientRequest m) {
        for (Slot s : r.log.values()) {
            PrePrepare pp = s.prePrepares.get(r.view);
            if (pp != null && pp.request() != null && pp.request().clientId() == m.clientId()
                    && pp.request().seq() == m.seq()) {
                return true;
            }
        }
        return false;
    }

    /** The primary's PrePrepare for {@code m} at the next seq, added to its own log. */
    private PrePrepare assign(ClientRequest m) {
        r.assigned = Math.max(r.assigned, r.h) + 1;
        PrePrepare pp = r.sign(new PrePrepare(r.view, r.assigned, m.digest(), m, r.self(), null));
        r.slot(pp.seq()).add(pp);
        r.changed();
        return pp;
    }

    /**
     * HandlePrePrepare: accept a PrePrepare from the primary of the current view, inside the
     * watermarks, not conflicting with one accepted for (view, seq), whose digest is its request's
     * (not checked under the flaw no-digest-check); then send Prepare. Otherwise Ignore.
     */
    void handlePrePrepare(Context<PbftMessage> ctx, PrePrepare m) {
        Slot existing = r.log.get(m.seq());
        boolean digestOk = r.opts.flaw(PbftFlaw.NO_DIGEST_CHECK)
                ? m.request() != null || Digests.NULL.equals(m.digest())
                : NewViewRule.digestMatches(m.digest(), m.request());
        if (r.changing || m.view() != r.view || m.replica() != r.q.primary(r.view) || r.primary()
                || !r.inWindow(m.seq()) || !digestOk
                || (existing != null && existing.prePrepares.containsKey(m.view()))) {
            r.ignore(ctx);
            return;
        }
        List<PbftMessage> out = new ArrayList<>();
        out.add(accept(ctx, m));
        step(ctx, m.seq(), "HandlePrePrepare", out);
    }

    /** Takes {@code m} into the log with this backup's own Prepare; returns that Prepare. */
    Prepare accept(Context<PbftMessage> ctx, PrePrepare m) {
        Slot s = r.slot(m.seq());
        s.add(m);
        Prepare own = r.sign(new Prepare(m.view(), m.seq(), m.digest(), r.self(), null));
        s.add(own);
        if (m.request() != null && !r.store.applied(m.request().clientId(), m.request().seq())) {
            r.pending.putIfAbsent(PbftReplica.key(m.request()), m.request());
        }
        r.changed();
        updateRequestTimer(ctx);
        return own;
    }

    /** HandlePrepare: a Prepare of the current view from a backup, inside the watermarks, is kept. */
    void handlePrepare(Context<PbftMessage> ctx, Prepare m) {
        if (r.changing || m.view() != r.view || !r.inWindow(m.seq()) || m.replica() == r.q.primary(m.view())
                || !r.q.servers.contains(m.replica())) {
            r.ignore(ctx);
            return;
        }
        r.slot(m.seq()).add(m);
        r.changed();
        step(ctx, m.seq(), "HandlePrepare", new ArrayList<>());
    }

    /** HandleCommit: a Commit of the current view, inside the watermarks, is kept. */
    void handleCommit(Context<PbftMessage> ctx, Commit m) {
        if (r.changing || m.view() != r.view || !r.inWindow(m.seq()) || !r.q.servers.contains(m.replica())) {
            r.ignore(ctx);
            return;
        }
        r.slot(m.seq()).add(m);
        r.changed();
        step(ctx, m.seq(), "HandleCommit", new ArrayList<>());
    }

    /**
     * The rest of a handler that took in a statement for {@code seq}: on prepared (first time in
     * this view) add and send the own Commit; record the handler's action; send; then execute
     * what became committed.
     */
    void step(Context<PbftMessage> ctx, long seq, String action, List<PbftMessage> out) {
        Commit commit = commitIfPrepared(seq);
        if (commit != null) {
            out.add(commit);
        }
        r.record(ctx, action);
        for (PbftMessage m : out) {
            r.sendReplicas(ctx, m);
        }
        executeReady(ctx);
    }

    /** This replica's Commit for {@code seq} in the current view, once prepared and not yet sent. */
    Commit commitIfPrepared(long seq) {
        Slot s = r.log.get(seq);
        if (s == null || !r.q.prepared(s, r.view)) {
            return null;
        }
        PrePrepare pp = s.prePrepares.get(r.view);
        if (s.commits(r.view, pp.digest()).containsKey(r.self())) {
            return null;
        }
        Commit c = r.sign(new Commit(r.view, seq, pp.digest(), r.self(), null));
        s.add(c);
        r.changed();
        return c;
    }

    /** Execute, once per seq: every committed-local seq right after the last executed one. */
    void executeReady(Context<PbftMessage> ctx) {
        while (true) {
            Slot s = r.log.get(r.executed + 1);
            PrePrepare pp = s == null ? null : committedPrePrepare(s);
            if (pp == null) {
                return;
            }
            execute(ctx, pp);
        }
    }

    private PrePrepare committedPrePrepare(Slot s) {
        for (Map.Entry<Long, PrePrepare> e : s.prePrepares.descendingMap().entrySet()) {
            if (r.q.committed(s, e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private void execute(Context<PbftMessage> ctx, PrePrepare pp) {
        r.executed++;
        ClientRequest req = pp.request();
        String result = null;
        boolean answer = false;
        if (req != null) {
            // a request executed again (assigned anew in a later view) is answered only if it is the
            // client's last one: the store has the result of that one only
            answer = !r.store.applied(req.clientId(), req.seq()) || lastOf(req);
            result = r.store.apply(new ClientCommand(req.clientId(), req.seq(), req.op()).encode());
            r.pending.remove(PbftReplica.key(req));
        }
        r.stateDigest = Digests.state(r.store.snapshot());
        r.vcRound = 0; // progress: the next view change waits the base timeouts again
        r.changed();
        Checkpoint own = null;
        if (r.executed % r.opts.checkpointEvery() == 0) {
            own = r.sign(new Checkpoint(r.executed, r.stateDigest, r.self(), null));
            r.ownStates.put(r.executed, r.stateDigest);
            r.transfer.keep(r.executed, r.store.snapshot());
            r.checkpoints.computeIfAbsent(r.executed, x -> new TreeMap<>()).put(r.self(), own);
            stabilize();
        }
        restartRequestTimer(ctx);
        r.record(ctx, "Execute");
        if (answer) {
            ctx.send(req.clientId(), r.reply(req, result));
        }
        if (own != null) {
            r.sendReplicas(ctx, own);
        }
    }

    /**
     * HandleCheckpoint: a Checkpoint inside the watermarks is kept; 2f+1 matching the own state
     * at a seq make it stable.
     */
    void handleCheckpoint(Context<PbftMessage> ctx, Checkpoint m) {
        if (!r.inWindow(m.seq()) || !r.q.servers.contains(m.replica())) {
            if (m.seq() > r.h + r.opts.window() && r.q.servers.contains(m.replica())) {
                r.transfer.farCheckpoint(m);
            }
            r.ignore(ctx);
            return;
        }
        r.checkpoints.computeIfAbsent(m.seq(), x -> new TreeMap<>()).putIfAbsent(m.replica(), m);
        r.changed();
        stabilize();
        if (r.checkpoints.containsKey(m.seq())) {
            r.transfer.certificates(r.checkpoints.get(m.seq()).values());
        }
        r.record(ctx, "HandleCheckpoint");
    }

    /**
     * Takes in the Checkpoints of a valid checkpoint proof (a ViewChange's), as if each had been
     * delivered: a replica that lost Checkpoint messages learns its stable checkpoint this way.
     */
    void absorb(List<Checkpoint> proof) {
        r.transfer.certificates(proof);
        for (Checkpoint c : proof) {
            if (r.inWindow(c.seq())) {
                r.checkpoints.computeIfAbsent(c.seq(), x -> new TreeMap<>()).putIfAbsent(c.replica(), c);
                r.changed();
            }
        }
        stabilize();
    }

    /**
     * The highest checkpoint seq above h this replica reached whose state 2f+1 replicas (itself
     * included) vouch for becomes stable: h moves there and everything at or below it is
     * discarded (garbage collection), the proof kept for view changes.
     */
    private void stabilize() {
        for (Map.Entry<Long, TreeMap<Integer, Checkpoint>> e : r.checkpoints.descendingMap().entrySet()) {
            long seq = e.getKey();
            String mine = r.ownStates.get(seq);
            if (seq <= r.h || mine == null) {
                continue;
            }
            List<Checkpoint> matching = new ArrayList<>();
            for (Checkpoint c : e.getValue().values()) {
                if (c.state().equals(mine)) {
                    matching.add(c);
                }
            }
            if (matching.size() >= r.q.quorum()) {
                r.h = seq;
                r.stableProof = List.copyOf(matching);
                r.log.headMap(seq, true).clear();
                r.checkpoints.headMap(seq, true).clear();
                r.ownStates.headMap(seq, false).clear();
                r.transfer.collect();
                r.changed();
                return;
            }
        }
    }

    /**
     * A backup's request timer runs while it knows a request it has not executed and is not
     * changing views: armed when the first such request appears, restarted after each execution
     * while others wait (the paper's rule), cancelled when none is left.
     */
    void restartRequestTimer(Context<PbftMessage> ctx) {
        if (r.requestTimerArmed) {
            ctx.cancelTimer(PbftReplica.REQUEST_TIMER);
            r.requestTimerArmed = false;
        }
        updateRequestTimer(ctx);
    }

    void updateRequestTimer(Context<PbftMessage> ctx) {
        boolean want = !r.changing && !r.pending.isEmpty();
        if (!want) {
            if (r.requestTimerArmed) {
                ctx.cancelTimer(PbftReplica.REQUEST_TIMER);
                r.requestTimerArmed = false;
            }
            return;
        }
        if (!r.requestTimerArmed) {
            long t = r.opts.requestTimeout() << Math.min(r.vcRound, 10);
            ctx.setTimer(PbftReplica.REQUEST_TIMER, t, t);
            r.requestTimerArmed = true;
        }
    }
}
