package dev.conform.algorithms.swim;

import static dev.conform.algorithms.swim.SwimView.ABSENT;
import static dev.conform.algorithms.swim.SwimView.ALIVE;
import static dev.conform.algorithms.swim.SwimView.DEAD;
import static dev.conform.algorithms.swim.SwimView.LEFT;
import static dev.conform.algorithms.swim.SwimView.SUSPECT;

import dev.conform.algorithms.swim.SwimMessage.Ack;
import dev.conform.algorithms.swim.SwimMessage.Join;
import dev.conform.algorithms.swim.SwimMessage.JoinAck;
import dev.conform.algorithms.swim.SwimMessage.Ping;
import dev.conform.algorithms.swim.SwimMessage.PingReq;
import dev.conform.algorithms.swim.SwimMessage.Update;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One SWIM member: probes a member per period (directly, then through k helpers), suspects what
 * does not answer, declares a suspicion that outlives its timeout dead, refutes suspicions of
 * itself with a higher incarnation, and gossips membership updates piggybacked on its probes. See
 * the package documentation for the protocol, its spec actions and its trace.
 */
public final class SwimNode implements Node<SwimMessage> {
    static final String PROBE = "probe";
    static final String PROBE_TIMEOUT = "probe-timeout";
    static final String SUSPECT_PREFIX = "suspect-";
    /** PingReq relays remembered at most (older ones are forgotten: their Acks come too late anyway). */
    private static final int MAX_RELAYS = 64;

    private final int id;
    private final List<Integer> servers;
    private final SwimOptions o;
    private final boolean joiner;
    private final boolean fresh;

    /** Own incarnation (durable). */
    private int inc;
    // ---- volatile -----------------------------------------------------------------------------
    private final SwimView view;
    private final Disseminator queue;
    private final SplittableRandom random;
    private int round;
    private int seq;
    private boolean joined;
    private boolean left;
    /** The current probe: target, seq and whether an Ack (direct or relayed) came; target 0: none. */
    private int probeTarget;
    private int probeSeq;
    private boolean probeAcked;
    /** Helper side of PingReq: own ping seq to (origin, origin's seq). */
    private final LinkedHashMap<Integer, int[]> relays = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, int[]> eldest) {
            return size() > MAX_RELAYS;
        }
    };
    /** The probe order of this pass (member indexes, shuffled) and the next position in it. */
    private int[] order = new int[0];
    private int next;
    /** The view entries the current action changed (index order of change), for its trace state. */
    private final LinkedHashMap<String, Object> delta = new LinkedHashMap<>();

    SwimNode(int id, List<Integer> servers, SwimState persisted, SwimOptions options) {
        this.id = id;
        this.servers = servers;
        this.o = options;
        this.joiner = SwimAlgorithm.isJoiner(servers, id, options.joiners());
        this.fresh = persisted == null;
        this.inc = persisted == null ? 0 : persisted.inc();
        this.view = new SwimView(servers);
        this.queue = new Disseminator(options.retransmit(), options.piggyback());
        // Deterministic per (seed, member, life): handlers draw from nothing global.
        this.random = new SplittableRandom(options.shuffleSeed() * 1_000_003L + id * 7_919L + inc);
    }

    @Override
    public void onStart(Context<SwimMessage> ctx) {
        if (fresh) {
            ctx.persist(new SwimState(inc));
            initialView();
        } else {
            // Rejoin: a new life above every incarnation anyone may suspect or have declared dead.
            inc++;
            ctx.persist(new SwimState(inc));
            initialView();
            if (ctx.tracing()) {
                for (int i = 0; i < view.size(); i++) {
                    if (view.status(i) != ABSENT) {
                        changed(i);
                    }
                }
                ctx.action("Rejoin", state());
            }
        }
        ctx.setTimer(PROBE, 1, o.period());
    }

    /** Every initial member but this one alive at 0; a joiner knows only the seed. */
    private void initialView() {
        joined = !joiner;
        int initial = servers.size() - o.joiners();
        for (int i = 0; i < initial; i++) {
            if (servers.get(i) != id && (!joiner || i == 0)) {
                view.set(i, ALIVE, 0);
            }
        }
    }

    @Override
    public void onTimer(Context<SwimMessage> ctx, String timer) {
        if (left) {
            return;
        }
        if (PROBE.equals(timer)) {
            onProbe(ctx);
        } else if (PROBE_TIMEOUT.equals(timer)) {
            if (probeTarget != 0 && !probeAcked) {
                indirectProbe(ctx);
            }
        } else if (timer.startsWith(SUSPECT_PREFIX)) {
            int q = view.index(Integer.parseInt(timer.substring(SUSPECT_PREFIX.length())));
            if (view.status(q) == SUSPECT) {
                confirm(ctx, q);
            }
        }
    }

    private void onProbe(Context<SwimMessage> ctx) {
        if (!joined) {
            if (ctx.tracing()) {
                ctx.action("Join", state());
            }
            ctx.send(servers.get(0), new Join(inc));
            ctx.setTimer(PROBE, o.period(), o.period());
            return;
        }
        // The verdict on the last probe: no Ack by the end of its period.
        if (probeTarget != 0 && !probeAcked) {
            int t = view.index(probeTarget);
            if (view.status(t) == ALIVE) {
                if (o.flaw(SwimFlaw.NO_SUSPICION)) {
                    confirm(ctx, t);
                } else {
                    view.set(t, SUSPECT, view.inc(t));
                    queue.add(view.update(t));
                    ctx.setTimer(SUSPECT_PREFIX + probeTarget, o.suspectTimeout(), o.suspectTimeout());
                    if (ctx.tracing()) {
                        changed(t);
                        ctx.action("Suspect", state());
                    }
                }
            }
        }
        probeTarget = 0;
        ctx.cancelTimer(PROBE_TIMEOUT);
        if (o.leaveAt() > 0 && round == o.leaveAt() && id == SwimAlgorithm.leaver(servers, o.joiners())) {
            leave(ctx);
            return;
        }
        round++;
        int t = nextTarget();
        if (ctx.tracing()) {
            ctx.action("Probe", state());
        }
        if (t >= 0) {
            probeTarget = view.member(t);
            probeSeq = ++seq;
            probeAcked = false;
            ctx.send(probeTarget, new Ping(probeSeq, updates()));
            ctx.setTimer(PROBE_TIMEOUT, o.probeTimeout(), o.probeTimeout());
        }
        ctx.setTimer(PROBE, o.period(), o.period());
    }

    /** The next member of this pass that is still in the view and has not left; a new pass when done. */
    private int nextTarget() {
        for (int pass = 0; pass < 2; pass++) {
            while (next < order.length) {
                int t = order[next++];
                if (probeable(t)) {
                    return t;
                }
            }
            newPass();
        }
        return -1;
    }

    /** A new pass: every probeable member once, in an order shuffled by this member's own generator. */
    private void newPass() {
        int n = 0;
        int[] pass = new int[view.size()];
        for (int i = 0; i < view.size(); i++) {
            if (probeable(i)) {
                pass[n++] = i;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = pass[i];
            pass[i] = pass[j];
            pass[j] = x;
        }
        order = java.util.Arrays.copyOf(pass, n);
        next = 0;
    }

    private boolean probeable(int i) {
        byte s = view.status(i);
        return s != ABSENT && s != LEFT && view.member(i) != id;
    }

    /**
     * No direct Ack within probeTimeout: ask up to k other live members to probe the target. The
     * helpers are the first k of a partial Fisher-Yates shuffle of the alive and suspect members
     * other than the target (in view order); the shuffle runs over that list as if it were built,
     * reading its entries through the view's rank index, so a probe costs O(k log n) and draws
     * exactly what shuffling the built list would.
     */
    private void indirectProbe(Context<SwimMessage> ctx) {
        int t = view.index(probeTarget);
        int skip = t >= 0 && view.reachable(t) ? view.rank(t) : -1; // the target's place among the candidates
        int m = view.reachableCount() - (skip >= 0 ? 1 : 0);
        if (m == 0 || o.k() == 0) {
            return;
        }
        int k = Math.min(o.k(), m);
        int[] picked = new int[k];
        Map<Integer, Integer> moved = new java.util.HashMap<>(); // candidate positions the shuffle swapped
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(m - i);
            int atJ = moved.getOrDefault(j, j);
            moved.put(j, moved.getOrDefault(i, i));
            picked[i] = atJ;
        }
        if (ctx.tracing()) {
            ctx.action("IndirectProbe", state());
        }
        for (int i = 0; i < k; i++) {
            int r = picked[i];
            int helper = view.member(view.select(skip >= 0 && r >= skip ? r + 1 : r));
            ctx.send(helper, new PingReq(probeSeq, probeTarget, updates()));
        }
    }

    /** Confirm: member index {@code q} is dead at the incarnation it was suspected (or, flawed, alive) at. */
    private void confirm(Context<SwimMessage> ctx, int q) {
        view.set(q, DEAD, view.inc(q));
        queue.add(view.update(q));
        ctx.cancelTimer(SUSPECT_PREFIX + view.member(q));
        if (ctx.tracing()) {
            changed(q);
            ctx.action("Confirm", state());
        }
    }

    /** Leave: Left(self) on a Ping to up to k members, then silence. */
    private void leave(Context<SwimMessage> ctx) {
        left = true;
        if (ctx.tracing()) {
            ctx.action("Leave", state());
        }
        List<Integer> to = new ArrayList<>();
        for (int i = 0; i < view.size() && to.size() < o.k(); i++) {
            if (probeable(i) && view.status(i) != DEAD) {
                to.add(view.member(i));
            }
        }
        for (int m : to) {
            ctx.send(m, new Ping(++seq, updates()));
        }
        ctx.cancelTimer(PROBE);
        ctx.cancelTimer(PROBE_TIMEOUT);
        for (int i = 0; i < view.size(); i++) {
            if (view.status(i) == SUSPECT) {
                ctx.cancelTimer(SUSPECT_PREFIX + view.member(i));
            }
        }
    }

    @Override
    public void onMessage(Context<SwimMessage> ctx, int from, SwimMessage msg) {
        if (left) {
            if (ctx.tracing()) {
                ctx.action("Discard", state());
            }
            return;
        }
        if (msg instanceof Ping p) {
            int refute = apply(ctx, p.updates(), true);
            handled(ctx, "HandlePing", refute, from);
            ctx.send(from, new Ack(p.seq(), updates()));
        } else if (msg instanceof PingReq r) {
            int refute = apply(ctx, r.updates(), true);
            handled(ctx, "HandlePingReq", refute, from);
            int s = ++seq;
            relays.put(s, new int[] {from, r.seq()});
            ctx.send(r.target(), new Ping(s, updates()));
        } else if (msg instanceof Ack a) {
            int refute = apply(ctx, a.updates(), true);
            handled(ctx, "HandleAck", refute, from);
            int[] relay = relays.remove(a.seq());
            if (relay != null) {
                ctx.send(relay[0], new Ack(relay[1], updates()));
            } else if (probeTarget != 0 && a.seq() == probeSeq) {
                probeAcked = true;
                ctx.cancelTimer(PROBE_TIMEOUT);
            }
        } else if (msg instanceof Join j) {
            int q = view.index(from);
            if (q >= 0 && from != id) {
                applyOne(ctx, q, ALIVE, j.inc(), true);
            }
            handled(ctx, "HandleJoin", -1, 0);
            List<Update> members = new ArrayList<>();
            members.add(self());
            for (int i = 0; i < view.size(); i++) {
                if (view.status(i) != ABSENT) {
                    members.add(view.update(i));
                }
            }
            ctx.send(from, new JoinAck(members));
        } else if (msg instanceof JoinAck a) {
            int refute = apply(ctx, a.members(), false);
            joined = true;
            handled(ctx, "HandleJoinAck", refute, 0);
        }
    }

    /**
     * Records the handler action, then any Refute it calls for, then (before the handler's sends)
     * re-queues the sender's entry when this member holds it suspect or dead, so the reply tells it.
     */
    private void handled(Context<SwimMessage> ctx, String action, int refute, int from) {
        if (ctx.tracing()) {
            ctx.action(action, state());
        }
        if (refute >= 0) {
            inc = o.flaw(SwimFlaw.REFUTE_SAME_INCARNATION) ? inc : refute + 1;
            ctx.persist(new SwimState(inc));
            if (ctx.tracing()) {
                ctx.action("Refute", state());
            }
        }
        int q = from == 0 ? -1 : view.index(from);
        if (q >= 0 && (view.status(q) == SUSPECT || view.status(q) == DEAD)) {
            queue.add(view.update(q));
        }
    }

    /**
     * Applies updates in list order; returns the highest incarnation at which this member is
     * suspected or declared dead at or above its own (a Refute is due), or -1.
     */
    private int apply(Context<SwimMessage> ctx, List<Update> updates, boolean requeue) {
        int refute = -1;
        for (Update u : updates) {
            byte s = SwimView.status(u.status());
            if (u.member() == id) {
                if ((s == SUSPECT || s == DEAD) && u.inc() >= inc) {
                    refute = Math.max(refute, u.inc());
                }
                continue;
            }
            int q = view.index(u.member());
            if (q >= 0) {
                applyOne(ctx, q, s, u.inc(), requeue);
            }
        }
        return refute;
    }

    private void applyOne(Context<SwimMessage> ctx, int q, byte s, int i, boolean requeue) {
        byte cur = view.status(q);
        boolean flawed = o.flaw(SwimFlaw.REFUTE_SAME_INCARNATION) && cur == SUSPECT && s == ALIVE && i == view.inc(q);
        if (!flawed && !SwimView.overrides(cur, view.inc(q), s, i)) {
            return;
        }
        view.set(q, s, i);
        if (requeue) {
            queue.add(view.update(q));
        }
        String timer = SUSPECT_PREFIX + view.member(q);
        if (s == SUSPECT) {
            ctx.setTimer(timer, o.suspectTimeout(), o.suspectTimeout());
        } else if (cur == SUSPECT) {
            ctx.cancelTimer(timer);
        }
        if (ctx.tracing()) {
            changed(q);
        }
    }

    /** The updates for one outgoing message: own entry first, then the queue's. */
    private List<Update> updates() {
        List<Update> out = new ArrayList<>(1 + o.piggyback());
        out.add(self());
        queue.take(out);
        return out;
    }

    private Update self() {
        return new Update(id, left ? "left" : "alive", inc);
    }

    private void changed(int q) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", SwimView.name(view.status(q)));
        e.put("inc", view.inc(q));
        delta.put(String.valueOf(view.member(q)), e);
    }

    /** The recorded state: own inc, rounds done, and the view entries changed since the last action. */
    private Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("inc", inc);
        s.put("round", round);
        s.put("view", new LinkedHashMap<>(delta));
        delta.clear();
        return s;
    }

    // ---- read access for stop conditions and tests ------------------------------------------

    public int inc() {
        return inc;
    }

    public int round() {
        return round;
    }

    public boolean joined() {
        return joined;
    }

    public boolean hasLeft() {
        return left;
    }

    /** This member's entry for {@code member}: "alive", "suspect", "dead", "left" or "absent". */
    public String statusOf(int member) {
        int q = view.index(member);
        return q < 0 ? "absent" : SwimView.name(view.status(q));
    }

    /** This member's entry (a SwimView status) for the member at {@code index} among the servers. */
    byte statusAt(int index) {
        return view.status(index);
    }

    /** This member's incarnation for {@code member} (0 when absent). */
    public int incOf(int member) {
        int q = view.index(member);
        return q < 0 ? 0 : view.inc(q);
    }

    int queued() {
        return queue.size();
    }
}
