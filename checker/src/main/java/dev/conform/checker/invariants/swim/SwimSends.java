package dev.conform.checker.invariants.swim;

import static dev.conform.checker.invariants.swim.Precedence.ABSENT;
import static dev.conform.checker.invariants.swim.Precedence.ALIVE;
import static dev.conform.checker.invariants.swim.Precedence.DEAD;
import static dev.conform.checker.invariants.swim.Precedence.LEFT;
import static dev.conform.checker.invariants.swim.Precedence.SUSPECT;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.JsonObjects;
import dev.conform.checker.invariants.swim.SwimTraceState.Member;
import dev.conform.checker.invariants.swim.SwimTraceState.Owed;
import dev.conform.tracing.TraceMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges one send of a SWIM member: it is the next send its last action owes (type, receiver, seq),
 * and what it gossips has an origin. A Ping, PingReq or Ack carries the sender's own entry first
 * (alive, or left once it has left, at its incarnation), then at most {@code piggyback} updates
 * about other members, none newer than the sender's own view; a JoinAck carries the own entry and
 * the whole view. Every Suspect on the wire was some member's Suspect action, every Alive an
 * incarnation its member had, every Left its member's Leave, and every Dead some member's Confirm
 * (SuspectBeforeDead).
 */
final class SwimSends {
    static final String SUSPECT_PREFIX = "suspect-";

    private final SwimTraceState s;

    SwimSends(SwimTraceState s) {
        this.s = s;
    }

    void check(Member m, TraceMessage msg) {
        String what = msg.type() + " " + msg.id() + " from " + m.id;
        if (m.refuteDue >= 0) {
            throw new FoldException(what + " leaves before the Refute its handler owes");
        }
        Owed owed = m.owed.poll();
        if (owed == null || !owed.type().equals(msg.type())) {
            throw new FoldException(what + " is no send its last action makes"
                    + (owed == null ? "" : " (it owes a " + owed.type() + ")"));
        }
        if (s.index.get(msg.to()) == null) {
            throw new FoldException(what + " goes to " + msg.to() + ", not a member");
        }
        owed.check().accept(msg);
        Map<String, Object> b = body(msg);
        switch (msg.type()) {
            case "Ping", "PingReq", "Ack" -> gossip(m, updates(s, b.get("updates"), what), false, what);
            case "JoinAck" -> gossip(m, updates(s, b.get("members"), what), true, what);
            case "Join" -> { }
            default -> throw new FoldException("swim sends Ping, PingReq, Ack, Join and JoinAck, not " + msg.type());
        }
    }

    private void gossip(Member m, List<int[]> updates, boolean wholeView, String what) {
        if (updates.isEmpty() || updates.get(0)[0] != m.id || updates.get(0)[1] != (m.left ? LEFT : ALIVE)
                || updates.get(0)[2] != m.self) {
            throw new FoldException(what + " must carry first its sender's own entry " + (m.left ? "left" : "alive")
                    + " at " + m.self);
        }
        if (wholeView) {
            List<int[]> view = new ArrayList<>();
            for (int i = 0; i < s.servers.size(); i++) {
                if (m.status[i] != ABSENT) {
                    view.add(new int[] {s.servers.get(i), m.status[i], m.inc[i]});
                }
            }
            boolean same = view.size() == updates.size() - 1;
            for (int i = 0; same && i < view.size(); i++) {
                same = java.util.Arrays.equals(view.get(i), updates.get(i + 1));
            }
            if (!same) {
                throw new FoldException(what + " must carry its sender's view, in member order");
            }
        } else if (updates.size() - 1 > s.params.piggyback()) {
            throw new FoldException(what + " piggybacks " + (updates.size() - 1) + " updates, more than " + s.params.piggyback());
        }
        for (int j = 1; j < updates.size(); j++) {
            int[] u = updates.get(j);
            int q = s.index.get(u[0]);
            if (u[0] == m.id) {
                throw new FoldException(what + " carries an update about its sender beyond its own entry");
            }
            if (Precedence.overrides(m.status[q], m.inc[q], u[1], u[2])) {
                throw new FoldException(what + " gossips " + u[0] + " " + Precedence.name(u[1]) + " at " + u[2]
                        + ", newer than its sender's entry " + Precedence.name(m.status[q]) + " at " + m.inc[q]);
            }
            long k = SwimTraceState.key(u[0], u[2]);
            switch (u[1]) {
                case ALIVE -> origin(s.incarnations.contains(k), u, "an incarnation that member never had", what);
                case SUSPECT -> origin(s.suspected.contains(k), u, "a suspicion no member raised", what);
                case LEFT -> origin(s.leaves.contains(k), u, "a leave that member never took", what);
                case DEAD -> {
                    if (!s.confirmed.contains(k)) {
                        s.violate("SuspectBeforeDead", what + " gossips " + u[0] + " dead at " + u[2]
                                + ", which no member confirmed");
                    }
                }
                default -> { }
            }
        }
    }

    private static void origin(boolean ok, int[] u, String why, String what) {
        if (!ok) {
            throw new FoldException(what + " gossips " + u[0] + " " + Precedence.name(u[1]) + " at " + u[2] + ", " + why);
        }
    }

    static Map<String, Object> body(TraceMessage msg) {
        return JsonObjects.asMap(msg.body(), msg.type() + " " + msg.id() + "'s body");
    }

    /** A list of {member, status, inc} as {member id, status, inc}; members must be servers. */
    static List<int[]> updates(SwimTraceState s, Object list, String what) {
        if (!(list instanceof List<?> l)) {
            throw new FoldException(what + " carries no list of updates: " + list);
        }
        List<int[]> out = new ArrayList<>(l.size());
        for (Object o : l) {
            Map<String, Object> u = JsonObjects.asMap(o, what + " update");
            int member = JsonObjects.integer(u.get("member"), what + " update member");
            int status = Precedence.status(u.get("status"));
            int inc = JsonObjects.integer(u.get("inc"), what + " update inc");
            if (s.index.get(member) == null || status < 0 || inc < 0 || u.size() != 3) {
                throw new FoldException(what + " carries a malformed update " + u);
            }
            out.add(new int[] {member, status, inc});
        }
        return out;
    }
}
