package dev.conform.algorithms.pbft;

import dev.conform.algorithms.pbft.PbftMessage.NewView;
import dev.conform.algorithms.pbft.PbftMessage.PrePrepare;
import dev.conform.algorithms.pbft.PbftMessage.Prepare;
import dev.conform.algorithms.pbft.PbftMessage.ViewChange;
import dev.conform.runtime.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The view change: StartViewChange (a timer expired), HandleViewChange, SendNewView (the new
 * primary, right after the HandleViewChange that completed its 2f+1) and HandleNewView (a backup
 * checks every ViewChange's proofs and recomputes the PrePrepares before it enters the view; the
 * flaw unchecked-new-view takes the NewView's word). A replica only ever moves to higher views;
 * a ViewChange for a view below its own it answers with one for that view ({@link #answerLagging}).
 */
final class ViewChanges {
    private final PbftReplica r;
    /**
     * The view each replica was last answered for ({@link #answerLagging}) since this replica's
     * last own view-change step: at most one answer per lagging replica and view in between, so
     * two replicas past a view cannot answer each other's answers without end. Volatile, untraced.
     */
    private final Map<Integer, Long> answered = new java.util.HashMap<>();

    ViewChanges(PbftReplica replica) {
        this.r = replica;
    }

    /**
     * StartViewChange to {@code v}: stop the normal case, send a ViewChange with the stable
     * checkpoint's proof and a prepared certificate (highest view) for every seq above it.
     */
    void start(Context<PbftMessage> ctx, long v) {
        r.view = v;
        r.vcRound++;
        r.changing = true;
        answered.clear();
        ViewChange vc = ownViewChange(v);
        if (r.requestTimerArmed) {
            ctx.cancelTimer(PbftReplica.REQUEST_TIMER);
            r.requestTimerArmed = false;
        }
        r.viewChangeTimerArmed = false;
        ctx.cancelTimer(PbftReplica.VIEW_CHANGE_TIMER);
        armViewChangeTimer(ctx);
        r.record(ctx, "StartViewChange");
        r.sendReplicas(ctx, vc);
        maybeSendNewView(ctx, v);
    }

    /**
     * ResendViewChange: the view-change timer expired before 2f+1 replicas asked for the view (a
     * ViewChange may have been lost): this replica sends its ViewChange for the view again,
     * computed anew from what it holds now, and waits once more, without moving on to the next
     * view (which would let it run ahead of the others view after view).
     */
    void resend(Context<PbftMessage> ctx) {
        ViewChange vc = ownViewChange(r.view);
        r.viewChangeTimerArmed = false;
        armViewChangeTimer(ctx);
        answered.clear();
        r.record(ctx, "ResendViewChange");
        r.sendReplicas(ctx, vc);
    }

    /** True when 2f+1 replicas (this one included) asked for the view this replica is changing to. */
    boolean quorumAsked() {
        return r.viewChangeLog.getOrDefault(r.view, new TreeMap<>()).size() >= r.q.quorum();
    }

    /** This replica's ViewChange for {@code v} from what it holds now, kept in its view-change log. */
    private ViewChange ownViewChange(long v) {
        ViewChange vc = viewChangeNow(v);
        r.viewChangeLog.computeIfAbsent(v, x -> new TreeMap<>()).put(r.self(), vc);
        r.viewChangeLog.headMap(v, false).clear();
        r.changed();
        return vc;
    }

    /**
     * A signed ViewChange for {@code v} from what this replica holds now (its h, its stable
     * checkpoint's proof, a prepared certificate of the highest view for every seq above h).
     */
    private ViewChange viewChangeNow(long v) {
        List<PreparedCertificate> prepared = new ArrayList<>();
        for (Map.Entry<Long, Slot> e : r.log.entrySet()) {
            if (e.getKey() <= r.h) {
                continue;
            }
            for (long pv : e.getValue().prePrepares.descendingKeySet()) {
                PreparedCertificate c = r.q.certificate(e.getValue(), pv);
                if (c != null) {
                    prepared.add(c);
                    break;
                }
            }
        }
        return r.sign(new ViewChange(v, r.h, r.stableProof, prepared, r.self(), null));
    }

    /**
     * The wait for a NewView: viewChangeTimeout doubled for each view change since this replica
     * last executed a request (the paper's rule against view-change storms). On expiry the
     * replica moves on only if 2f+1 replicas asked for the view (the paper starts this timer only
     * then); otherwise it resends its ViewChange ({@link #resend}).
     */
    void armViewChangeTimer(Context<PbftMessage> ctx) {
        if (r.viewChangeTimerArmed || !r.changing) {
            return;
        }
        r.viewChangeTimerArmed = true;
        long t = r.opts.viewChangeTimeout() << Math.min(Math.max(0, r.vcRound - 1), 10);
        ctx.setTimer(PbftReplica.VIEW_CHANGE_TIMER, t, t);
    }

    /** HandleViewChange: a valid ViewChange for a view not below the own is kept; one below is answered. */
    void handleViewChange(Context<PbftMessage> ctx, ViewChange m) {
        if (m.view() < r.view && r.rule.valid(m)) {
            answerLagging(ctx, m);
            return;
        }
        if (m.view() < r.view || (m.view() == r.view && !r.changing) || !r.rule.valid(m)) {
            r.ignore(ctx);
            return;
        }
        r.viewChangeLog.computeIfAbsent(m.view(), x -> new TreeMap<>()).putIfAbsent(m.replica(), m);
        r.normal.absorb(m.proof());
        r.changed();
        r.record(ctx, "HandleViewChange");
        long join = joinView();
        if (join > 0) {
            start(ctx, join);
        } else {
            maybeSendNewView(ctx, m.view());
        }
    }

    /**
     * A valid ViewChange for a view {@code w} below this replica's: its sender still asks for
     * {@code w}, perhaps because this replica's own ViewChange for {@code w} was lost on the way
     * to it, and it cannot move on without it (Castro and Liskov's retransmission of view-change
     * messages; the f+1 join rule needs f+1 replicas ahead). Recorded as Ignore (nothing
     * changes), this replica answers the sender alone with a ViewChange for {@code w} computed
     * now, which carries its current h and certificates as any ViewChange it sends must (none
     * when it holds a certificate of view w or later, which a ViewChange for w cannot carry).
     */
    private void answerLagging(Context<PbftMessage> ctx, ViewChange m) {
        int j = m.replica();
        boolean answer = j != r.self() && !Long.valueOf(m.view()).equals(answered.get(j));
        ViewChange vc = answer ? viewChangeNow(m.view()) : null;
        if (vc != null && vc.prepared().stream().anyMatch(c -> c.prePrepare().view() >= m.view())) {
            vc = null; // it prepared in w or later: no valid ViewChange for w carries all it holds
        }
        r.ignore(ctx);
        if (vc != null) {
            answered.put(j, m.view());
            ctx.send(j, vc);
        }
    }

    /**
     * The paper's rule against falling behind: with ViewChanges for views above the own from f+1
     * replicas (at least one honest), the smallest of those views, which this replica then joins
     * at once (StartViewChange right after the HandleViewChange); 0 when there are not f+1.
     */
    private long joinView() {
        java.util.Set<Integer> from = new java.util.HashSet<>();
        long smallest = 0;
        for (Map.Entry<Long, TreeMap<Integer, ViewChange>> e : r.viewChangeLog.tailMap(r.view, false).entrySet()) {
            for (int replica : e.getValue().keySet()) {
                if (replica != r.self() && from.add(replica) && smallest == 0) {
                    smallest = e.getKey();
                }
            }
        }
        return from.size() > r.q.f ? smallest : 0;
    }

    /**
     * SendNewView: the primary of {@code v}, itself changing to {@code v}, with 2f+1 ViewChanges
     * for it (its own and the first others by replica id) sends the NewView and enters the view.
     */
    private void maybeSendNewView(Context<PbftMessage> ctx, long v) {
        TreeMap<Integer, ViewChange> got = r.viewChangeLog.getOrDefault(v, new TreeMap<>());
        if (r.view != v || !r.changing || r.q.primary(v) != r.self() || !got.containsKey(r.self())
                || got.size() < r.q.quorum()) {
            return;
        }
        List<ViewChange> chosen = new ArrayList<>();
        chosen.add(got.get(r.self()));
        for (ViewChange vc : got.values()) {
            if (chosen.size() < r.q.quorum() && vc.replica() != r.self()) {
                chosen.add(vc);
            }
        }
        List<PrePrepare> pps = new ArrayList<>();
        for (PrePrepare pp : r.rule.prePrepares(v, chosen)) {
            pps.add(r.sign(pp));
        }
        NewView nv = r.sign(new NewView(v, chosen, pps, r.self(), null));
        enter(ctx, v);
        long maxS = NewViewRule.minS(chosen);
        for (PrePrepare pp : pps) {
            maxS = Math.max(maxS, pp.seq());
            if (r.inWindow(pp.seq())) {
                r.slot(pp.seq()).add(pp);
            }
        }
        r.assigned = Math.max(r.h, maxS);
        r.record(ctx, "SendNewView");
        r.sendReplicas(ctx, nv);
        r.normal.executeReady(ctx);
    }

    /**
     * HandleNewView: a NewView for a higher view (or the one this replica is changing to) from
     * that view's primary, checked ({@link NewViewRule#check}); the replica enters the view,
     * accepts its PrePrepares inside the watermarks and sends a Prepare for each.
     */
    void handleNewView(Context<PbftMessage> ctx, NewView m) {
        boolean fresh = m.view() > r.view || (m.view() == r.view && r.changing);
        boolean ok = r.opts.flaw(PbftFlaw.UNCHECKED_NEW_VIEW) ? m.replica() == r.q.primary(m.view())
                : r.rule.check(m);
        if (!fresh || !ok || m.replica() == r.self()) {
            r.ignore(ctx);
            return;
        }
        if (!r.opts.flaw(PbftFlaw.UNCHECKED_NEW_VIEW)) {
            for (ViewChange vc : m.viewChanges()) {
                r.normal.absorb(vc.proof());
            }
        }
        enter(ctx, m.view());
        List<Prepare> out = new ArrayList<>();
        for (PrePrepare pp : m.prePrepares()) {
            if (pp.view() == m.view() && r.inWindow(pp.seq()) && !r.slot(pp.seq()).prePrepares.containsKey(pp.view())) {
                out.add(r.normal.accept(ctx, pp));
            }
        }
        r.record(ctx, "HandleNewView");
        for (Prepare p : out) {
            r.sendReplicas(ctx, p);
        }
    }

    /** Enters view {@code v}: normal case again, view-change timer off, request timer as pending requests need. */
    private void enter(Context<PbftMessage> ctx, long v) {
        answered.clear();
        r.view = v;
        r.changing = false;
        r.viewChangeLog.headMap(v, true).clear();
        r.changed();
        ctx.cancelTimer(PbftReplica.VIEW_CHANGE_TIMER);
        r.viewChangeTimerArmed = false;
        r.normal.restartRequestTimer(ctx);
    }
}
