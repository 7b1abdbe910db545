package dev.conform.checker.invariants.crdt;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.checker.invariants.crdt.CrdtTraceState.Task;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Java twin of TraceCrdt.tla: one rule per IsX of the spec, same checks, same state
 * ({@link CrdtTraceState}); the network's rules (message identity, crash state, plan) are
 * {@link dev.conform.checker.network.TraceNetwork}'s, applied by the replay before this folder.
 * An event the spec does not match is a {@link FoldException} naming the rule it breaks.
 */
final class CrdtFolder implements StateFolder<CrdtTraceState> {

    @Override
    public CrdtTraceState initial(TraceHeader header) {
        try {
            return new CrdtTraceState(CrdtParams.of(header), null);
        } catch (FoldException e) {
            return new CrdtTraceState(null, e.getMessage());
        }
    }

    @Override
    public CrdtTraceState apply(CrdtTraceState s, TraceEvent e) {
        if (s.params == null) {
            throw new FoldException("the header does not bind the CRDT: " + s.headerProblem);
        }
        int n = e.node();
        switch (e.kind()) {
            case TIMER -> timer(s, n, e.action());
            case DELIVER -> {
                require(s.free(n), "replica " + n + " takes a delivery in the middle of a handler");
                s.delivered.put(n, e.msg());
                s.task.put(n, Task.IDLE);
            }
            case ACTION -> action(s, n, e);
            case SEND -> send(s, n, e.msg());
            case CRASH -> {
                s.task.put(n, Task.IDLE);
                s.stamped.remove(n);
                s.delivered.remove(n);
            }
            case RESTART -> {
                Replica d = s.durable.get(n);
                if (e.state() != null) {
                    Replica recorded = Replica.decode(s.params, Json.plain(e.state()), "restart state");
                    require(recorded.equals(d), "replica " + n + " restarts with " + recorded
                            + " but persisted " + d);
                }
                s.rep.put(n, d);
            }
            case DROP, DUPLICATE, FAULT -> { }
            default -> throw new FoldException("unknown event kind " + e.kind());
        }
        return s;
    }

    private static void require(boolean ok, String why) {
        if (!ok) {
            throw new FoldException(why);
        }
    }

    private static void timer(CrdtTraceState s, int n, String name) {
        require(Set.of("update", "gossip", "read").contains(name), "replica " + n + " has no timer " + name);
        require(s.free(n), "timer " + name + " fires at replica " + n + " in the middle of a handler");
        require(!name.equals("gossip") || s.params.nodes().size() > 1, "a lone replica gossips");
        s.task.put(n, new Task(name, 0, Set.of()));
    }

    private static void action(CrdtTraceState s, int n, TraceEvent e) {
        String a = e.action();
        if (s.params.updateActions().contains(a)) {
            update(s, n, a, Json.plain(e.state()));
        } else if (a.equals("Read")) {
            read(s, n, Json.plain(e.state()));
        } else if (a.equals("SendGossip")) {
            sendGossip(s, n, Json.plain(e.state()));
        } else if (a.equals("ReceiveGossip")) {
            receive(s, n, Json.plain(e.state()));
        } else {
            throw new FoldException("no action " + a + " for a " + s.params.kind());
        }
    }

    /** StampOk: the clock after a timestamp is drawn at replica n. */
    private static boolean stampOk(CrdtTraceState s, int n, Ts c, Ts c2) {
        return c2.node() == n && (s.params.hlc() ? c.hlcTickTo(c2) : c2.logical() == 0);
    }

    private static void update(CrdtTraceState s, int n, String a, Object state) {
        require(s.task.get(n).what().equals("update"), a + " at replica " + n + " without its update timer");
        Replica old = s.rep.get(n);
        require(old.updates() < s.params.updates(), "replica " + n + " makes update " + (old.updates() + 1)
                + " but the header's budget is " + s.params.updates());
        Replica next = Replica.decode(s.params, state, a + " state");
        require(next.updates() == old.updates() + 1, a + " at replica " + n + " records " + next.updates()
                + " updates after " + old.updates());
        Map<Integer, Long> seen = new java.util.TreeMap<>(old.seen());
        seen.put(n, next.updates());
        require(next.seen().equals(seen), a + " at replica " + n + " records seen " + next.seen() + ", expected " + seen);
        CrdtValue o = old.val();
        CrdtValue v = next.val();
        boolean ok = switch (a) {
            case "Increment", "Decrement" -> {
                boolean inc = a.equals("Increment");
                Map<Integer, Long> before = inc ? o.inc() : o.dec();
                Map<Integer, Long> after = inc ? v.inc() : v.dec();
                Map<Integer, Long> expect = new java.util.TreeMap<>(before);
                expect.put(n, after.get(n));
                yield next.clock().equals(old.clock()) && after.get(n) > before.get(n) && after.equals(expect)
                        && (inc ? v.dec().equals(o.dec()) : v.inc().equals(o.inc()))
                        && v.regs().equals(o.regs()) && v.dots().equals(o.dots()) && v.ctx().equals(o.ctx());
            }
            case "Add" -> next.clock().equals(old.clock())
                    && s.params.elems().stream().anyMatch(x -> v.equals(addOf(o, n, x)));
            case "Remove" -> next.clock().equals(old.clock())
                    && s.params.elems().stream().anyMatch(x -> !o.dots().get(x).isEmpty() && v.equals(removeOf(o, x)));
            default -> write(s, n, old, next, Json.obj(state, a + " state").get("write"));
        };
        require(ok, a + " at replica " + n + " is no " + a + " of " + old.val().read(s.params.kind())
                + ": it records " + v.read(s.params.kind()) + " (" + v + ")");
        s.rep.put(n, next);
        s.durable.put(n, next);
        s.task.put(n, Task.IDLE);
    }

    private static CrdtValue addOf(CrdtValue v, int n, String x) {
        long c = v.ctx().get(n) + 1;
        Map<String, Set<CrdtValue.Dot>> dots = new java.util.TreeMap<>(v.dots());
        dots.put(x, Set.of(new CrdtValue.Dot(n, c)));
        Map<Integer, Long> ctx = new java.util.TreeMap<>(v.ctx());
        ctx.put(n, c);
        return new CrdtValue(v.inc(), v.dec(), v.regs(), dots, ctx);
    }

    private static CrdtValue removeOf(CrdtValue v, String x) {
        Map<String, Set<CrdtValue.Dot>> dots = new java.util.TreeMap<>(v.dots());
        dots.put(x, Set.of());
        return new CrdtValue(v.inc(), v.dec(), v.regs(), dots, v.ctx());
    }

    /** WriteOk: an LWW write with its write record. */
    private static boolean write(CrdtTraceState s, int n, Replica old, Replica next, Object record) {
        if (record == null) {
            return false;
        }
        Map<String, Object> w = Json.obj(record, "write");
        Object key = w.get("key");
        if (!(key instanceof String k) || !s.params.keys().contains(k) || !(w.get("value") instanceof String value)) {
            return false;
        }
        Ts ts = Ts.of(w.get("ts"), "write.ts");
        CrdtValue.Reg mine = new CrdtValue.Reg(value, ts);
        CrdtValue.Reg before = old.val().regs().get(k);
        CrdtValue.Reg after = next.val().regs().get(k);
        Map<String, CrdtValue.Reg> regs = new java.util.TreeMap<>(old.val().regs());
        regs.put(k, after);
        CrdtValue o = old.val();
        Object pred = w.get("pred");
        return Json.nat(w, "node", "write") == n && Json.nat(w, "seq", "write") == next.updates()
                && ts.equals(next.clock()) && stampOk(s, n, old.clock(), next.clock())
                && CrdtValue.regJoinOk(before, mine, after)
                && next.val().equals(new CrdtValue(o.inc(), o.dec(), regs, o.dots(), o.ctx()))
                && Boolean.valueOf(after.equals(mine)).equals(w.get("applied"))
                && (pred != null) == !before.ts().equals(Ts.ZERO)
                && (pred == null || Ts.of(pred, "write.pred").equals(before.ts()))
                && CrdtValue.byReplica(s.params, w.get("deps"), "write.deps").equals(old.seen());
    }

    private static void read(CrdtTraceState s, int n, Object state) {
        require(s.task.get(n).what().equals("read"), "Read at replica " + n + " without its read timer");
        Map<String, Object> r = Json.obj(state, "Read state");
        Object expected = s.rep.get(n).val().read(s.params.kind());
        require(s.params.kind().equals(r.get("crdt")) && CrdtValue.readMatches(s.params.kind(), r.get("value"), expected),
                "Read at replica " + n + " returns " + r.get("value") + " but the replica holds " + expected);
        s.reads++;
        s.task.put(n, Task.IDLE);
    }

    private static void sendGossip(CrdtTraceState s, int n, Object state) {
        String w = s.task.get(n).what();
        require((w.equals("gossip") || w.equals("reply")) && !s.stamped.contains(n),
                "SendGossip at replica " + n + " outside a gossip round or reply");
        Replica old = s.rep.get(n);
        Replica next = Replica.decode(s.params, state, "SendGossip state");
        require(next.val().equals(old.val()) && next.seen().equals(old.seen()) && next.updates() == old.updates(),
                "SendGossip at replica " + n + " changes its state");
        require(stampOk(s, n, old.clock(), next.clock()),
                "SendGossip at replica " + n + ": clock " + old.clock() + " cannot become " + next.clock());
        s.rep.put(n, next);
        s.stamped.add(n);
    }

    private static void send(CrdtTraceState s, int n, TraceMessage m) {
        require(s.stamped.contains(n), "replica " + n + " sends without its SendGossip");
        require(m.to() != n && s.params.nodes().contains(m.to()), "replica " + n + " gossips to " + m.to());
        Map<String, Object> b = Json.obj(Json.plain(m.body()), "message body");
        Replica r = s.rep.get(n);
        require(Objects.equals(b.get("type"), m.type()), "message " + m.id() + " body type differs from its type");
        require(CrdtValue.decode(s.params, b.get("state"), "body.state").equals(r.val())
                        && Ts.of(b.get("clock"), "body.clock").equals(r.clock())
                        && CrdtValue.byReplica(s.params, b.get("seen"), "body.seen").equals(r.seen()),
                "message " + m.id() + " does not carry replica " + n + "'s state");
        Task t = s.task.get(n);
        if (m.type().equals("Push")) {
            require(t.what().equals("gossip") && !t.pushed().contains(m.to()) && t.pushed().size() < s.params.roundSize(),
                    "push " + m.id() + " from replica " + n + " outside a gossip round, or a second one to " + m.to());
            Set<Integer> pushed = new HashSet<>(t.pushed());
            pushed.add(m.to());
            s.task.put(n, new Task("gossip", 0, Set.copyOf(pushed)));
        } else {
            require(m.type().equals("Reply") && t.what().equals("reply") && t.to() == m.to(),
                    "message " + m.id() + " (" + m.type() + ") from replica " + n + " answers no push from " + m.to());
            s.task.put(n, Task.IDLE);
        }
        s.stamped.remove(n);
    }

    private static void receive(CrdtTraceState s, int n, Object state) {
        TraceMessage m = s.delivered.remove(n);
        require(m != null, "ReceiveGossip at replica " + n + " handles no delivery");
        Map<String, Object> b = Json.obj(Json.plain(m.body()), "message body");
        Replica old = s.rep.get(n);
        Replica next = Replica.decode(s.params, state, "ReceiveGossip state");
        CrdtValue in = CrdtValue.decode(s.params, b.get("state"), "body.state");
        Ts remote = Ts.of(b.get("clock"), "body.clock");
        Map<Integer, Long> seen = new java.util.TreeMap<>(old.seen());
        CrdtValue.byReplica(s.params, b.get("seen"), "body.seen").forEach((k, v) -> seen.merge(k, v, Math::max));
        require(CrdtValue.joinOk(old.val(), in, next.val()), "ReceiveGossip at replica " + n + " records "
                + next.val().read(s.params.kind()) + ", not the join with message " + m.id() + " (" + next.val() + ")");
        require(next.seen().equals(seen) && next.updates() == old.updates(),
                "ReceiveGossip at replica " + n + " records seen " + next.seen() + ", expected " + seen);
        require(s.params.hlc()
                        ? next.clock().node() == n && old.clock().hlcReceiveTo(remote, next.clock())
                        : next.clock().equals(old.clock()),
                "ReceiveGossip at replica " + n + ": clock " + old.clock() + " cannot become " + next.clock()
                        + " on a message stamped " + remote);
        s.rep.put(n, next);
        s.durable.put(n, next);
        s.merges++;
        s.task.put(n, m.type().equals("Push") ? new Task("reply", m.from(), Set.of()) : Task.IDLE);
    }
}
