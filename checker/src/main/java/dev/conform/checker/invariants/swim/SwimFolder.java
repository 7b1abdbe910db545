package dev.conform.checker.invariants.swim;

import static dev.conform.checker.invariants.swim.Precedence.ABSENT;
import static dev.conform.checker.invariants.swim.Precedence.ALIVE;
import static dev.conform.checker.invariants.swim.Precedence.DEAD;
import static dev.conform.checker.invariants.swim.Precedence.LEFT;
import static dev.conform.checker.invariants.swim.Precedence.SUSPECT;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.JsonObjects;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.checker.invariants.swim.SwimTraceState.Member;
import dev.conform.checker.invariants.swim.SwimTraceState.Owed;
import dev.conform.checker.invariants.swim.SwimTraceState.Params;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds {@code swim} events into {@link SwimTraceState}, replaying each member's protocol step by
 * step: which action a timer or a delivery allows, the view change each action must make (a
 * receive's is recomputed from the consumed message's updates with the precedence), the recorded
 * {@code inc} and {@code round}, and the sends each action owes (their type, receiver, seq and
 * updates). A deviation a teaching flaw makes is recorded under the invariant it breaks; any other
 * impossibility rejects the trace ({@link FoldException}). The event order is the one of
 * specs/swim/README.md and the package documentation of {@code dev.conform.algorithms.swim}.
 */
final class SwimFolder implements StateFolder<SwimTraceState> {
    @Override
    public SwimTraceState initial(TraceHeader header) {
        Map<?, ?> o = header.params() != null && header.params().get("options") instanceof Map<?, ?> m ? m : Map.of();
        Params p = new Params(option(o, "k", 2), option(o, "piggyback", 6), option(o, "joiners", 0), option(o, "leaveAt", 0));
        if (p.joiners() >= header.servers().size() || p.k() < 0 || p.piggyback() < 1 || p.leaveAt() < 0) {
            throw new FoldException("params.options " + o + " do not fit " + header.servers().size() + " members");
        }
        SwimTraceState s = new SwimTraceState(header.servers(), p);
        for (Member m : s.members.values()) {
            initialView(s, m);
        }
        return s;
    }

    private static int option(Map<?, ?> options, String key, int def) {
        Object v = options.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new FoldException("params.options." + key + " is not an integer: " + v);
        }
    }

    /** Every initial member but itself alive at 0; a joiner knows only the seed. */
    private static void initialView(SwimTraceState s, Member m) {
        java.util.Arrays.fill(m.status, ABSENT);
        java.util.Arrays.fill(m.inc, 0);
        boolean joiner = s.joiner(m.id);
        m.joined = !joiner;
        for (int i = 0; i < s.servers.size() - s.params.joiners(); i++) {
            if (s.servers.get(i) != m.id && (!joiner || i == 0)) {
                m.status[i] = ALIVE;
            }
        }
    }

    @Override
    public SwimTraceState apply(SwimTraceState s, TraceEvent e) {
        switch (e.kind()) {
            case SEND -> new SwimSends(s).check(member(s, e), e.msg());
            case DELIVER -> {
                Member m = member(s, e);
                stepStart(m);
                m.pending = e.msg();
                m.timer = null;
            }
            case TIMER -> {
                Member m = member(s, e);
                stepStart(m);
                m.timer = e.action();
                m.actionsSinceTimer = 0;
                m.lastAction = null;
            }
            case CRASH -> crash(member(s, e));
            case RESTART -> restart(s, member(s, e), e);
            case ACTION -> action(s, member(s, e), e);
            default -> { }
        }
        return s;
    }

    private static Member member(SwimTraceState s, TraceEvent e) {
        Member m = s.members.get(e.node());
        if (m == null) {
            throw new FoldException("node " + e.node() + " is not a member");
        }
        return m;
    }

    /** Before a member's next delivery or timer, its last action's sends (and any due Refute) are made. */
    private static void stepStart(Member m) {
        if (m.refuteDue >= 0) {
            throw new FoldException("member " + m.id + " was suspected at incarnation " + m.refuteDue
                    + " and went on without its Refute");
        }
        if (!m.owed.isEmpty()) {
            throw new FoldException("member " + m.id + " went on without the " + m.owed.peek().type() + " its last action sends");
        }
    }

    private static void crash(Member m) {
        m.pending = null;
        m.owed.clear();
        m.relays.clear();
        m.refuteDue = -1;
        m.timer = null;
        m.probeTarget = 0;
        m.round = 0;
        m.seq = 0;
        m.left = false;
    }

    /** A restart brings back exactly the durable incarnation; the member must Rejoin at once. */
    private static void restart(SwimTraceState s, Member m, TraceEvent e) {
        crash(m);
        Map<String, Object> st = JsonObjects.asMap(e.state(), "the restart state of " + m.id);
        int inc = JsonObjects.integer(st.get("inc"), "the restart state's inc of " + m.id);
        if (inc < m.self) {
            s.violate("IncarnationMonotonic", "member " + m.id + " restarts at incarnation " + inc + " after " + m.self);
        } else if (inc > m.self) {
            throw new FoldException("member " + m.id + " restarts at incarnation " + inc + ", it persisted " + m.self);
        }
        m.self = inc;
        java.util.Arrays.fill(m.status, ABSENT);
        m.mustRejoin = true;
    }

    private static void action(SwimTraceState s, Member m, TraceEvent e) {
        String a = e.action();
        String at = a + " at member " + m.id;
        if (m.refuteDue >= 0 && !a.equals("Refute")) {
            throw new FoldException(at + ": its last handler owes a Refute first");
        }
        if (m.mustRejoin != a.equals("Rejoin")) {
            throw new FoldException(at + (m.mustRejoin ? ": a restarted member must Rejoin first" : ": it did not restart"));
        }
        if (!m.owed.isEmpty() && !a.equals("Refute")) {
            throw new FoldException(at + " before the " + m.owed.peek().type() + " its last action sends");
        }
        boolean handler = SwimInvariants.CONSUMERS.containsKey(a);
        if (!handler && m.pending != null) {
            throw new FoldException(at + " while its delivery of " + m.pending.type() + " " + m.pending.id() + " is unhandled");
        }
        Map<String, Object> st = JsonObjects.asMap(e.state(), "the state of " + at);
        Map<Integer, int[]> delta = delta(s, m, st.get("view"), at);
        int timerActions = m.actionsSinceTimer++;
        String previous = m.lastAction;
        m.lastAction = a;
        switch (a) {
            case "Rejoin" -> rejoin(s, m, delta, at);
            case "Join" -> {
                requireTimer(m, "probe", timerActions == 0, at);
                if (m.joined || !s.joiner(m.id) || m.left) {
                    throw new FoldException(at + ": only a joiner that has not joined sends Join");
                }
                noChange(delta, at);
                int seed = s.servers.get(0);
                int inc = m.self;
                m.owed.add(new Owed("Join", msg -> {
                    if (msg.to() != seed || JsonObjects.integer(SwimSends.body(msg).get("inc"), "Join inc") != inc) {
                        throw new FoldException("Join " + msg.id() + " must go to the seed " + seed + " with inc " + inc);
                    }
                }));
            }
            case "Suspect" -> {
                requireTimer(m, "probe", timerActions == 0, at);
                int t = m.probeTarget == 0 ? -1 : s.index.get(m.probeTarget);
                if (t < 0 || m.probeAcked || m.status[t] != ALIVE) {
                    throw new FoldException(at + ": no unanswered probe of a member it holds alive");
                }
                expectOnly(delta, t, SUSPECT, m.inc[t], s, at);
                m.status[t] = SUSPECT;
                s.suspected.add(SwimTraceState.key(m.probeTarget, m.inc[t]));
                s.suspectedSome = true;
            }
            case "Confirm" -> confirm(s, m, delta, timerActions, at);
            case "Probe" -> {
                requireTimer(m, "probe", afterVerdict(timerActions, previous), at);
                probe(s, m, delta, at);
            }
            case "IndirectProbe" -> {
                requireTimer(m, "probe-timeout", timerActions == 0, at);
                if (m.probeTarget == 0 || m.probeAcked) {
                    throw new FoldException(at + ": no unanswered probe");
                }
                noChange(delta, at);
                List<Integer> helpers = new ArrayList<>();
                for (int i = 0; i < s.servers.size(); i++) {
                    if ((m.status[i] == ALIVE || m.status[i] == SUSPECT) && s.servers.get(i) != m.probeTarget) {
                        helpers.add(s.servers.get(i));
                    }
                }
                int n = Math.min(s.params.k(), helpers.size());
                if (n == 0) {
                    throw new FoldException(at + ": it has no helper to ask");
                }
                java.util.Set<Integer> asked = new java.util.HashSet<>();
                for (int i = 0; i < n; i++) {
                    m.owed.add(new Owed("PingReq", msg -> {
                        Map<String, Object> b = SwimSends.body(msg);
                        if (!helpers.contains(msg.to()) || !asked.add(msg.to())
                                || JsonObjects.integer(b.get("seq"), "PingReq seq") != m.probeSeq
                                || JsonObjects.integer(b.get("target"), "PingReq target") != m.probeTarget) {
                            throw new FoldException("PingReq " + msg.id() + " must ask a new helper among " + helpers
                                    + " about probe " + m.probeSeq + " of " + m.probeTarget);
                        }
                    }));
                }
            }
            case "Leave" -> {
                requireTimer(m, "probe", afterVerdict(timerActions, previous), at);
                leave(s, m, delta, at);
            }
            case "Discard" -> {
                consume(m, null, at);
                if (!m.left) {
                    throw new FoldException(at + ": only a member that has left discards");
                }
                noChange(delta, at);
            }
            case "HandlePing", "HandlePingReq", "HandleAck", "HandleJoin", "HandleJoinAck" -> handle(s, m, a, delta, at);
            case "Refute" -> refute(s, m, st, delta, at);
            default -> throw new FoldException("unknown swim action " + a);
        }
        int inc = JsonObjects.integer(st.get("inc"), at + " inc");
        int round = JsonObjects.integer(st.get("round"), at + " round");
        if (inc != m.self || round != m.round) {
            throw new FoldException(at + " records inc=" + inc + ", round=" + round + "; the trace gives inc="
                    + m.self + ", round=" + m.round);
        }
    }

    /** Probe and Leave come first on the timer probe, or right after its verdict (Suspect, or a flawed Confirm). */
    private static boolean afterVerdict(int timerActions, String previous) {
        return timerActions == 0 || (timerActions == 1 && ("Suspect".equals(previous) || "Confirm".equals(previous)));
    }

    private static void requireTimer(Member m, String timer, boolean first, String at) {
        if (!timer.equals(m.timer) || !first) {
            throw new FoldException(at + " must be the first action on its timer " + timer + " (last timer: " + m.timer + ")");
        }
    }

    private static void rejoin(SwimTraceState s, Member m, Map<Integer, int[]> delta, String at) {
        m.mustRejoin = false;
        m.self++;
        s.incarnations.add(SwimTraceState.key(m.id, m.self));
        initialView(s, m);
        Map<Integer, int[]> want = new LinkedHashMap<>();
        for (int i = 0; i < s.servers.size(); i++) {
            if (m.status[i] != ABSENT) {
                want.put(i, new int[] {m.status[i], m.inc[i]});
            }
        }
        if (!same(delta, want)) {
            throw new FoldException(at + " records the view " + show(s, delta) + ", not its initial view " + show(s, want));
        }
    }

    /**
     * Confirm: only on the firing of the suspicion's own timer {@code suspect-<q>} while q is still
     * suspect at the incarnation it declares dead; anything else breaks SuspectBeforeDead.
     */
    private static void confirm(SwimTraceState s, Member m, Map<Integer, int[]> delta, int timerActions, String at) {
        if (delta.size() != 1) {
            throw new FoldException(at + " must declare exactly one member dead, records " + show(s, delta));
        }
        Map.Entry<Integer, int[]> d = delta.entrySet().iterator().next();
        int q = d.getKey();
        int qid = s.servers.get(q);
        if (d.getValue()[0] != DEAD) {
            throw new FoldException(at + " records " + qid + " " + Precedence.name(d.getValue()[0]) + ", not dead");
        }
        int i = d.getValue()[1];
        boolean onTimer = (SwimSends.SUSPECT_PREFIX + qid).equals(m.timer) && timerActions == 0;
        if (!onTimer || m.status[q] != SUSPECT || m.inc[q] != i) {
            s.violate("SuspectBeforeDead", at + " declares " + qid + " dead at incarnation " + i + " holding it "
                    + Precedence.name(m.status[q]) + " at " + m.inc[q] + (onTimer ? "" : ", not when its suspicion timer "
                    + SwimSends.SUSPECT_PREFIX + qid + " fired (last timer: " + m.timer + ")"));
        }
        precedence(s, m, q, DEAD, i, at);
        m.status[q] = DEAD;
        m.inc[q] = i;
        s.confirmed.add(SwimTraceState.key(qid, i));
        s.confirmedSome = true;
    }

    private static void probe(SwimTraceState s, Member m, Map<Integer, int[]> delta, String at) {
        if (!m.joined || m.left) {
            throw new FoldException(at + ": a member that has not joined or has left does not probe");
        }
        if (m.probeTarget != 0 && !m.probeAcked && m.status[s.index.get(m.probeTarget)] == ALIVE) {
            throw new FoldException(at + " without its verdict on the unanswered probe of " + m.probeTarget);
        }
        if (s.params.leaveAt() > 0 && m.round == s.params.leaveAt() && m.id == s.leaver()) {
            throw new FoldException(at + ": member " + m.id + " must leave at round " + m.round);
        }
        noChange(delta, at);
        m.round++;
        m.probeTarget = 0;
        boolean any = false;
        for (int i = 0; i < s.servers.size(); i++) {
            any |= m.status[i] != ABSENT && m.status[i] != LEFT;
        }
        if (any) {
            m.owed.add(new Owed("Ping", msg -> {
                int t = s.index.get(msg.to());
                int seq = JsonObjects.integer(SwimSends.body(msg).get("seq"), "Ping seq");
                if (m.status[t] == ABSENT || m.status[t] == LEFT || msg.to() == m.id || seq != m.seq + 1) {
                    throw new FoldException("Ping " + msg.id() + " of a Probe must go to a member " + m.id
                            + " may probe, with seq " + (m.seq + 1));
                }
                m.seq = seq;
                m.probeTarget = msg.to();
                m.probeSeq = seq;
                m.probeAcked = false;
            }));
        }
    }

    /** Leave: Left(self) on a Ping to each of the first k live members in id order, then silence. */
    private static void leave(SwimTraceState s, Member m, Map<Integer, int[]> delta, String at) {
        if (!m.joined || m.left || s.params.leaveAt() == 0 || m.id != s.leaver()
                || m.round != s.params.leaveAt()) {
            throw new FoldException(at + ": only member " + s.leaver() + " leaves, on its timer probe at round "
                    + s.params.leaveAt());
        }
        noChange(delta, at);
        m.left = true;
        s.leaves.add(SwimTraceState.key(m.id, m.self));
        s.leftSome = true;
        List<Integer> to = new ArrayList<>();
        for (int i = 0; i < s.servers.size() && to.size() < s.params.k(); i++) {
            if (m.status[i] == ALIVE || m.status[i] == SUSPECT) {
                to.add(s.servers.get(i));
            }
        }
        for (int r : to) {
            m.owed.add(new Owed("Ping", msg -> {
                int seq = JsonObjects.integer(SwimSends.body(msg).get("seq"), "Ping seq");
                if (msg.to() != r || seq != m.seq + 1) {
                    throw new FoldException("Ping " + msg.id() + " of a Leave must go to " + r + " with seq " + (m.seq + 1));
                }
                m.seq = seq;
            }));
        }
    }

    /** The handler actions: consume the delivery, apply its updates, owe the handler's reply. */
    private static void handle(SwimTraceState s, Member m, String a, Map<Integer, int[]> delta, String at) {
        String type = a.substring("Handle".length());
        TraceMessage msg = consume(m, type, at);
        Map<String, Object> b = SwimSends.body(msg);
        int from = msg.from();
        if (m.left) {
            throw new FoldException(at + ": a member that has left only discards");
        }
        switch (type) {
            case "Ping" -> {
                receive(s, m, SwimSends.updates(s, b.get("updates"), at), delta, at);
                int seq = JsonObjects.integer(b.get("seq"), at + " seq");
                m.owed.add(new Owed("Ack", reply -> expectSeq(reply, from, seq, "the Ack of " + at)));
            }
            case "PingReq" -> {
                receive(s, m, SwimSends.updates(s, b.get("updates"), at), delta, at);
                int seq = JsonObjects.integer(b.get("seq"), at + " seq");
                int target = JsonObjects.integer(b.get("target"), at + " target");
                m.owed.add(new Owed("Ping", ping -> {
                    expectSeq(ping, target, m.seq + 1, "the Ping of " + at);
                    m.seq++;
                    m.relays.put(m.seq, new int[] {from, seq});
                }));
            }
            case "Ack" -> {
                receive(s, m, SwimSends.updates(s, b.get("updates"), at), delta, at);
                int seq = JsonObjects.integer(b.get("seq"), at + " seq");
                int[] relay = m.relays.remove(seq);
                if (relay != null) {
                    m.owed.add(new Owed("Ack", reply -> expectSeq(reply, relay[0], relay[1], "the relayed Ack of " + at)));
                } else if (m.probeTarget != 0 && seq == m.probeSeq) {
                    m.probeAcked = true;
                }
            }
            case "Join" -> {
                int inc = JsonObjects.integer(b.get("inc"), at + " inc");
                int q = s.index.get(from);
                Map<Integer, int[]> want = new LinkedHashMap<>();
                if (from != m.id && Precedence.overrides(m.status[q], m.inc[q], ALIVE, inc)) {
                    want.put(q, new int[] {ALIVE, inc});
                }
                judge(s, m, delta, want, List.of(new int[] {from, ALIVE, inc}), at);
                m.owed.add(new Owed("JoinAck", reply -> {
                    if (reply.to() != from) {
                        throw new FoldException("JoinAck " + reply.id() + " must answer " + from);
                    }
                }));
            }
            case "JoinAck" -> {
                receive(s, m, SwimSends.updates(s, b.get("members"), at), delta, at);
                if (!m.joined) {
                    s.joinedSome = true;
                }
                m.joined = true;
            }
            default -> throw new FoldException("unknown swim handler " + a);
        }
    }

    private static void expectSeq(TraceMessage msg, int to, int seq, String what) {
        if (msg.to() != to || JsonObjects.integer(SwimSends.body(msg).get("seq"), what + " seq") != seq) {
            throw new FoldException(what + " must go to " + to + " with seq " + seq + ", not " + msg.type() + " " + msg.id()
                    + " to " + msg.to());
        }
    }

    private static TraceMessage consume(Member m, String type, String at) {
        if (m.pending == null || (type != null && !type.equals(m.pending.type()))) {
            throw new FoldException(at + " consumes no delivered " + (type == null ? "message" : type));
        }
        TraceMessage msg = m.pending;
        m.pending = null;
        return msg;
    }

    /**
     * A receive: the updates in list order, with the precedence, give the view change the action
     * must record; an update about the member itself that suspects or kills it at or above its
     * incarnation makes a Refute due right after.
     */
    private static void receive(SwimTraceState s, Member m, List<int[]> updates, Map<Integer, int[]> delta, String at) {
        int[] status = m.status.clone();
        int[] inc = m.inc.clone();
        Map<Integer, int[]> want = new LinkedHashMap<>();
        int due = -1;
        for (int[] u : updates) {
            if (u[0] == m.id) {
                if ((u[1] == SUSPECT || u[1] == DEAD) && u[2] >= m.self) {
                    due = Math.max(due, u[2]);
                }
                continue;
            }
            int q = s.index.get(u[0]);
            if (Precedence.overrides(status[q], inc[q], u[1], u[2])) {
                status[q] = u[1];
                inc[q] = u[2];
                want.put(q, new int[] {u[1], u[2]});
            }
        }
        judge(s, m, delta, want, updates, at);
        m.refuteDue = due;
    }

    /**
     * Compares the recorded view change with the one the precedence gives: a recorded entry that
     * is none of the message's updates is impossible; one that is, but does not override, breaks
     * ViewPrecedence (and, an Alive over a Suspect or Dead at the same incarnation,
     * RefuteWithHigherIncarnation); an overriding update left out breaks ViewPrecedence. The
     * member's view becomes what it recorded.
     */
    private static void judge(SwimTraceState s, Member m, Map<Integer, int[]> delta, Map<Integer, int[]> want,
                              List<int[]> updates, String at) {
        for (Map.Entry<Integer, int[]> d : delta.entrySet()) {
            int q = d.getKey();
            int[] v = d.getValue();
            int[] w = want.get(q);
            if (w != null && w[0] == v[0] && w[1] == v[1]) {
                continue;
            }
            int qid = s.servers.get(q);
            boolean carried = updates.stream().anyMatch(u -> u[0] == qid && u[1] == v[0] && u[2] == v[1]);
            if (!carried) {
                throw new FoldException(at + " records " + qid + " " + Precedence.name(v[0]) + " at " + v[1]
                        + ", which its message does not carry");
            }
            precedence(s, m, q, v[0], v[1], at);
        }
        for (Map.Entry<Integer, int[]> w : want.entrySet()) {
            if (!delta.containsKey(w.getKey())) {
                s.violate("ViewPrecedence", at + " ignores " + s.servers.get(w.getKey()) + " "
                        + Precedence.name(w.getValue()[0]) + " at " + w.getValue()[1] + ", which overrides its entry");
            }
        }
        for (Map.Entry<Integer, int[]> d : delta.entrySet()) {
            m.status[d.getKey()] = d.getValue()[0];
            m.inc[d.getKey()] = d.getValue()[1];
        }
    }

    /** Judges one view change of member m: entry q becomes (status, inc). */
    private static void precedence(SwimTraceState s, Member m, int q, int status, int inc, String at) {
        int cur = m.status[q];
        int qid = s.servers.get(q);
        if (!Precedence.overrides(cur, m.inc[q], status, inc)) {
            s.violate("ViewPrecedence", at + " replaces " + qid + " " + Precedence.name(cur) + " at " + m.inc[q]
                    + " by " + Precedence.name(status) + " at " + inc + ", which does not override it");
        }
        if (status == ALIVE && (cur == SUSPECT || cur == DEAD) && inc == m.inc[q]) {
            s.violate("RefuteWithHigherIncarnation", at + " takes " + qid + " alive at " + inc + " over "
                    + Precedence.name(cur) + " at the same incarnation");
        }
        if (cur != ABSENT && inc < m.inc[q]) {
            s.violate("IncarnationMonotonic", at + " lowers " + qid + "'s incarnation from " + m.inc[q] + " to " + inc);
        }
    }

    /** Refute: right after the handler that brought the suspicion, strictly above it. */
    private static void refute(SwimTraceState s, Member m, Map<String, Object> st, Map<Integer, int[]> delta, String at) {
        if (m.refuteDue < 0) {
            throw new FoldException(at + ": nothing suspected it at or above its incarnation " + m.self);
        }
        noChange(delta, at);
        int inc = JsonObjects.integer(st.get("inc"), at + " inc");
        if (inc <= m.refuteDue) {
            s.violate("RefuteWithHigherIncarnation", at + " answers a suspicion at incarnation " + m.refuteDue
                    + " with incarnation " + inc);
        } else if (inc != m.refuteDue + 1) {
            throw new FoldException(at + " raises its incarnation to " + inc + ", not " + (m.refuteDue + 1));
        }
        if (inc < m.self) {
            s.violate("IncarnationMonotonic", at + " lowers its own incarnation from " + m.self + " to " + inc);
        }
        m.self = inc;
        m.refuteDue = -1;
        s.incarnations.add(SwimTraceState.key(m.id, inc));
        s.refutedSome = true;
    }

    /** The recorded view change {"q": {status, inc}} by server position. */
    private static Map<Integer, int[]> delta(SwimTraceState s, Member m, Object view, String at) {
        Map<Integer, int[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : JsonObjects.asMap(view, at + " view").entrySet()) {
            Integer q;
            try {
                q = s.index.get(Integer.parseInt(e.getKey()));
            } catch (NumberFormatException ex) {
                q = null;
            }
            if (q == null || s.servers.get(q) == m.id) {
                throw new FoldException(at + " records a view entry for " + e.getKey() + ", not another member");
            }
            Map<String, Object> v = JsonObjects.asMap(e.getValue(), at + " view entry " + e.getKey());
            int status = Precedence.status(v.get("status"));
            int inc = JsonObjects.integer(v.get("inc"), at + " view entry " + e.getKey() + " inc");
            if (status < 0 || inc < 0 || v.size() != 2) {
                throw new FoldException(at + " records a malformed view entry " + e.getKey() + ": " + v);
            }
            out.put(q, new int[] {status, inc});
        }
        return out;
    }

    private static void noChange(Map<Integer, int[]> delta, String at) {
        if (!delta.isEmpty()) {
            throw new FoldException(at + " changes no view entry, but records " + delta.keySet().size() + " changes");
        }
    }

    private static void expectOnly(Map<Integer, int[]> delta, int q, int status, int inc, SwimTraceState s, String at) {
        int[] v = delta.get(q);
        if (delta.size() != 1 || v == null || v[0] != status || v[1] != inc) {
            throw new FoldException(at + " must record exactly " + s.servers.get(q) + " " + Precedence.name(status)
                    + " at " + inc + ", records " + show(s, delta));
        }
    }

    private static boolean same(Map<Integer, int[]> a, Map<Integer, int[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<Integer, int[]> e : a.entrySet()) {
            int[] w = b.get(e.getKey());
            if (w == null || w[0] != e.getValue()[0] || w[1] != e.getValue()[1]) {
                return false;
            }
        }
        return true;
    }

    private static String show(SwimTraceState s, Map<Integer, int[]> d) {
        StringBuilder b = new StringBuilder("{");
        d.forEach((q, v) -> b.append(b.length() > 1 ? ", " : "").append(s.servers.get(q)).append(' ')
                .append(Precedence.name(v[0])).append(' ').append(v[1]));
        return b.append('}').toString();
    }
}
