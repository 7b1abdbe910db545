package dev.conform.checker.invariants.pbft;

import static dev.conform.checker.invariants.pbft.Statements.list;
import static dev.conform.checker.invariants.pbft.Statements.map;
import static dev.conform.checker.invariants.pbft.Statements.num;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.JsonObjects;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.checker.invariants.pbft.PbftTraceState.Entry;
import dev.conform.checker.invariants.pbft.PbftTraceState.Known;
import dev.conform.checker.invariants.pbft.PbftTraceState.Replica;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Folds {@code pbft} events into {@link PbftTraceState}. A send first makes the statements its
 * sender signs authentic, then marks the message if it carries another signer's statement that
 * signer never sent; a delivery remembers the message for the action that consumes it; a
 * {@code byzantine} fault marks its node; an honest replica's action is checked against what it
 * consumed and its recorded state before and after (see {@link PbftInvariants}), and owes the
 * sends {@link Obligations} names, which must follow it before the replica's next step.
 */
final class PbftFolder implements StateFolder<PbftTraceState> {
    @Override
    public PbftTraceState initial(TraceHeader header) {
        Map<String, Object> options = header.params() == null ? Map.of()
                : JsonObjects.asMap(header.params().getOrDefault("options", Map.of()), "params.options");
        long k = option(options, "checkpointEvery", 4);
        long servers = header.servers().size();
        if (servers < 4 || (servers - 1) % 3 != 0) {
            throw new FoldException("pbft needs 3f+1 servers, the header has " + servers);
        }
        return new PbftTraceState(header.servers(), header.clients(), option(options, "window", 2 * k), k);
    }

    private static long option(Map<String, Object> options, String key, long def) {
        Object v = options.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Long.parseLong(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new FoldException("option " + key + " is not a number: " + v);
        }
    }

    @Override
    public PbftTraceState apply(PbftTraceState s, TraceEvent e) {
        String step = ownStep(e);
        if (step != null && s.replicas.containsKey(e.node())) {
            s.owed.wentOn(e.node(), step);
        }
        switch (e.kind()) {
            case SEND -> send(s, e);
            case DELIVER -> {
                s.acted.remove(e.node());
                Map<String, Object> body = JsonObjects.asMap(e.msg().body(), "a message body");
                s.delivered.put(e.node(), body);
                s.deliveredId.put(e.node(), e.msg().id());
                if (s.clients.contains(e.node()) && "Reply".equals(e.msg().type())
                        && !s.unauthentic.contains(e.msg().id()) && num(body, "clientId") == e.node()) {
                    s.replies.computeIfAbsent(e.node(), c -> new java.util.HashMap<>())
                            .computeIfAbsent(num(body, "seq"), q -> new java.util.HashMap<>())
                            .put((int) num(body, "replica"), body.get("result"));
                }
            }
            case TIMER, CRASH, RESTART -> {
                s.acted.remove(e.node());
                s.delivered.remove(e.node());
            }
            case FAULT -> {
                if ("byzantine".equals(e.action())) {
                    s.byzantine.add(e.node());
                    s.owed.forget(e.node());
                }
            }
            case ACTION -> action(s, e);
            default -> { }
        }
        return s;
    }

    /** How a node's own next step shows in the trace ("action Execute"), or null for other events. */
    private static String ownStep(TraceEvent e) {
        return switch (e.kind()) {
            case ACTION -> "action " + e.action();
            case DELIVER -> "deliver " + e.msg().type() + " " + e.msg().id();
            case TIMER -> "timer " + e.action();
            case CRASH -> "crash";
            case RESTART -> "restart";
            default -> null;
        };
    }

    // ---- sends ----

    private static void send(PbftTraceState s, TraceEvent e) {
        int from = e.node();
        boolean honestServer = s.replicas.containsKey(from) && s.honest(from);
        if (honestServer && !s.acted.contains(from)) {
            throw new FoldException("replica " + from + " sends " + e.msg().type()
                    + " without a recorded action since its last delivery or timer");
        }
        Map<String, Object> body = JsonObjects.asMap(e.msg().body(), "a message body");
        List<Map<String, Object>> statements = Statements.all(body);
        for (Map<String, Object> st : statements) {
            if (Statements.signer(st) == from) {
                s.authentic.add(Statements.key(st));
                if ("ClientRequest".equals(st.get("type")) && st.get("seq") instanceof Number) {
                    s.requests.putIfAbsent(Statements.digest(st), st);
                }
            }
        }
        for (Map<String, Object> st : statements) {
            if (Statements.signer(st) != from && !s.authentic.contains(Statements.key(st))) {
                s.unauthentic.add(e.msg().id());
                if (s.honest(from)) {
                    s.violate("Authenticated", "honest node " + from + " sends message " + e.msg().id() + " carrying a "
                            + st.get("type") + " of " + Statements.signer(st) + " that " + Statements.signer(st)
                            + " never sent");
                }
            }
        }
        if (!honestServer) {
            return;
        }
        if (Statements.signer(body) != from && !"ClientRequest".equals(body.get("type"))) {
            s.violate("Authenticated", "honest replica " + from + " sends " + body.get("type") + " of "
                    + Statements.signer(body) + " as its own message " + e.msg().id());
        }
        Known k = s.known.get(from);
        PbftSteps.send(s, from, body, k);
        s.owed.sent(from, String.valueOf(body.get("type")), body, e.msg().to());
        switch (String.valueOf(body.get("type"))) {
            case "PrePrepare" -> k.prePrepares.putIfAbsent(num(body, "view") + "/" + num(body, "seq"), body);
            case "NewView" -> {
                for (Object pp : list(body.get("prePrepares"))) {
                    Map<String, Object> p = map(pp);
                    k.prePrepares.putIfAbsent(num(p, "view") + "/" + num(p, "seq"), p);
                }
            }
            case "Prepare" -> k.prepares.computeIfAbsent(slotKey(body), x -> new HashSet<>()).add(from);
            case "Commit" -> {
                preparedCertificate(s, from, k, body);
                k.commits.computeIfAbsent(slotKey(body), x -> new HashSet<>()).add(from);
            }
            case "Checkpoint" -> checkpoint(k, body);
            case "Reply" -> reply(s, from, body);
            default -> { }
        }
    }

    private static void checkpoint(Known k, Map<String, Object> c) {
        k.checkpoints.computeIfAbsent(num(c, "seq") + "/" + c.get("state"), x -> new HashSet<>())
                .add((int) num(c, "replica"));
    }

    private static void viewChangeProofs(Known k, Map<String, Object> vc) {
        for (Object c : list(vc.get("proof"))) {
            checkpoint(k, map(c));
        }
    }

    private static String slotKey(Map<String, Object> m) {
        return num(m, "view") + "/" + num(m, "seq") + "/" + m.get("digest");
    }

    private static void preparedCertificate(PbftTraceState s, int from, Known k, Map<String, Object> commit) {
        long view = num(commit, "view");
        Map<String, Object> pp = k.prePrepares.get(view + "/" + num(commit, "seq"));
        String at = "replica " + from + " sends Commit(" + slotKey(commit) + ")";
        if (pp == null || !Objects.equals(pp.get("digest"), commit.get("digest"))) {
            s.violate("PreparedCertificate", at + " without having accepted a matching PrePrepare");
            return;
        }
        Set<Integer> backups = new HashSet<>(k.prepares.getOrDefault(slotKey(commit), Set.of()));
        backups.remove(s.views.primary(view));
        if (backups.size() < 2 * s.f) {
            s.violate("PreparedCertificate", at + " with Prepares from " + backups.size() + " backups " + backups
                    + ", not 2f = " + 2 * s.f);
        }
    }

    /** The Reply an honest Execute sends carries the result of the request it executed. */
    private static void reply(PbftTraceState s, int from, Map<String, Object> reply) {
        String request = num(reply, "clientId") + ":" + num(reply, "seq");
        if (!executedUpTo(s, s.known.get(from), num(reply, "clientId"), num(reply, "seq"))) {
            s.violate("ClientLinearity", "honest replica " + from + " replies to " + request
                    + " before it executed that request or a later one of the client");
        }
        if (request.equals(s.executing.remove(from))) {
            s.results.putIfAbsent(request, reply.get("result"));
        }
        if (s.results.containsKey(request) && !Objects.equals(s.results.get(request), reply.get("result"))) {
            s.violate("ClientLinearity", "honest replica " + from + " replies " + reply.get("result") + " to "
                    + request + ", executed with result " + s.results.get(request));
        }
    }

    // ---- actions ----

    /**
     * True when the replica executed client {@code c}'s request {@code q} or a later one: its store
     * then answers q from the client's session, as TracePBFT.tla's OwnOk for a Reply says.
     */
    private static boolean executedUpTo(PbftTraceState s, Known k, long c, long q) {
        for (String digest : k.ran) {
            Map<String, Object> r = s.requests.get(digest);
            if (r != null && num(r, "clientId") == c && num(r, "seq") >= q) {
                return true;
            }
        }
        return false;
    }

    private static void action(PbftTraceState s, TraceEvent e) {
        int node = e.node();
        s.acted.add(node);
        boolean consumes = PbftInvariants.HANDLERS.containsKey(e.action());
        Map<String, Object> msg = consumes ? s.delivered.remove(node) : null;
        Long msgId = consumes ? s.deliveredId.remove(node) : null;
        if (s.clients.contains(node)) {
            if ("AcceptResult".equals(e.action())) {
                acceptResult(s, node, JsonObjects.asMap(e.state(), "the AcceptResult state"));
            }
            return;
        }
        Replica old = s.replicas.get(node);
        if (old == null) {
            throw new FoldException("node " + node + " is neither a replica nor a client");
        }
        if (!s.honest(node)) {
            return; // a Byzantine replica's actions and states are not the protocol's
        }
        s.executing.remove(node);
        if (msg != null) {
            boolean bad = s.unauthentic.contains(msgId);
            if (bad != "Unauthenticated".equals(e.action())) {
                s.violate("Authenticated", "replica " + node + " takes " + e.action() + " on message " + msgId
                        + (bad ? ", which carries a statement its signer never sent" : ", which is authentic"));
            }
        }
        Replica now = read(JsonObjects.asMap(e.state(), "the state of " + e.action()), e);
        Known k = s.known.get(node);
        String at = e.action() + " at replica " + node;
        if (msg != null) {
            consumed(s, e.action(), at, k, msg, now);
        }
        PbftSteps.check(s, e.action(), at, old, now, msg);
        Entry ran = "Execute".equals(e.action()) ? k.committed.get(now.executed) : null; // before step drops it
        step(s, e.action(), at, node, k, old, now, msg);
        Obligations.of(s, node, e.action(), old, now, msg, ran == null ? null : ran.digest());
        s.replicas.put(node, now);
    }

    private static void consumed(PbftTraceState s, String action, String at, Known k, Map<String, Object> msg,
                                 Replica now) {
        switch (action) {
            case "HandlePrePrepare" -> {
                if (!Statements.digestMatches(msg.get("digest"), msg.get("request"))) {
                    s.violate("DigestChecked", at + " accepts PrePrepare(" + slotKey(msg)
                            + ") whose digest is not its request's");
                }
                k.prePrepares.putIfAbsent(num(msg, "view") + "/" + num(msg, "seq"), msg);
            }
            case "HandlePrepare" -> k.prepares.computeIfAbsent(slotKey(msg), x -> new HashSet<>())
                    .add((int) num(msg, "replica"));
            case "HandleCommit" -> k.commits.computeIfAbsent(slotKey(msg), x -> new HashSet<>())
                    .add((int) num(msg, "replica"));
            case "HandleCheckpoint" -> checkpoint(k, msg);
            case "HandleViewChange" -> viewChangeProofs(k, msg);
            case "InstallState" -> {
                for (Object c : list(msg.get("proof"))) {
                    checkpoint(k, map(c));
                }
            }
            case "HandleNewView" -> {
                for (Object vc : list(msg.get("viewChanges"))) {
                    viewChangeProofs(k, map(vc));
                }
                String bad = s.views.newView(msg);
                if (bad != null) {
                    s.violate("NewViewChecked", at + " enters view " + msg.get("view") + " on a NewView where " + bad);
                }
                for (Object pp : list(msg.get("prePrepares"))) {
                    Map<String, Object> p = map(pp);
                    k.prePrepares.putIfAbsent(num(p, "view") + "/" + num(p, "seq"), p);
                }
            }
            default -> { }
        }
    }

    private static void step(PbftTraceState s, String action, String at, int node, Known k, Replica old, Replica now,
                             Map<String, Object> msg) {
        if (now.h < old.h) {
            s.violate("CheckpointSafety", at + " moves its stable checkpoint back from " + old.h + " to " + now.h);
        }
        for (long seq : old.log.keySet()) {
            if (seq > now.h && !now.log.containsKey(seq)) {
                s.violate("CheckpointSafety", at + " discards log entry " + seq + " above its stable checkpoint " + now.h);
            }
        }
        for (Map.Entry<Long, Entry> en : now.log.entrySet()) {
            Entry x = en.getValue();
            Entry was = old.log.get(en.getKey());
            if (x.newlyPrepared(was)) {
                certificates(s, at, node, k, en.getKey(), x, false);
            }
            if (x.committed() && !(x.sameSlot(was) && was.committed())) {
                certificates(s, at, node, k, en.getKey(), x, true);
            }
            s.anyPrepared |= x.prepared();
            if (x.committed()) {
                s.anyCommitted = true;
                k.committed.putIfAbsent(en.getKey(), x);
                String first = s.committed.putIfAbsent(en.getKey(), x.digest());
                if (first != null && !first.equals(x.digest())) {
                    s.violate("Agreement", at + " commits digest " + x.digest() + " at seq " + en.getKey()
                            + " where an honest replica committed " + first);
                }
            }
        }
        if ("Execute".equals(action)) {
            execute(s, at, node, k, old, now);
        } else if ("InstallState".equals(action)) {
            StateTransferCheck.install(s, at, k, old, now, msg);
        } else if (now.executed != old.executed) {
            throw new FoldException(at + " changes executed from " + old.executed + " to " + now.executed);
        } else if ("HandleStateRequest".equals(action)) {
            StateTransferCheck.answer(at, old, msg);
        }
        if (now.h > old.h) {
            String mine = k.states.get(now.h);
            Set<Integer> vouch = new HashSet<>(k.checkpoints.getOrDefault(now.h + "/" + mine, Set.of()));
            vouch.add(node); // its own Checkpoint, sent after the Execute that reached it
            if (mine == null || vouch.size() < 2 * s.f + 1) {
                s.violate("CheckpointSafety", at + " makes checkpoint " + now.h + " stable with "
                        + (mine == null ? "no state of its own there" : "Checkpoints of " + vouch + " only"));
            }
            s.anyStable = true;
            k.committed.keySet().removeIf(seq -> seq <= now.h);
            if (now.executed < now.h) {
                s.violate("CheckpointSafety", at + " has a stable checkpoint at " + now.h + " but executed only "
                        + now.executed);
            }
        }
        if (now.view > 0 && !now.changing) {
            s.anyViewChange = true;
        }
    }

    /**
     * A log entry newly prepared (or committed) needs the replica's accepted PrePrepare and 2f
     * matching Prepares from distinct backups (and 2f+1 matching Commits) among what it consumed
     * or sent; its own Prepare or Commit of this very step counts, as it is sent right after.
     */
    private static void certificates(PbftTraceState s, String at, int node, Known k, long seq, Entry x,
                                     boolean commit) {
        String key = x.view() + "/" + seq + "/" + x.digest();
        Map<String, Object> pp = k.prePrepares.get(x.view() + "/" + seq);
        int primary = s.views.primary(x.view());
        if (pp == null && primary != node) {
            s.violate("PreparedCertificate", at + " records seq " + seq + " of view " + x.view()
                    + " as prepared without an accepted PrePrepare");
            return;
        }
        Set<Integer> backups = new HashSet<>(k.prepares.getOrDefault(key, Set.of()));
        if (node != primary) {
            backups.add(node);
        }
        backups.remove(primary);
        if (backups.size() < 2 * s.f) {
            s.violate("PreparedCertificate", at + " records " + key + " as prepared with Prepares of " + backups);
        }
        if (commit) {
            Set<Integer> from = new HashSet<>(k.commits.getOrDefault(key, Set.of()));
            from.add(node);
            if (from.size() < 2 * s.f + 1) {
                s.violate("CommitQuorum", at + " records " + key + " as committed with Commits of " + from);
            }
        }
    }

    private static void execute(PbftTraceState s, String at, int node, Known k, Replica old, Replica now) {
        long seq = now.executed;
        if (seq != old.executed + 1) {
            throw new FoldException(at + " executes seq " + seq + " after " + old.executed);
        }
        s.anyExecuted = true;
        Entry x = k.committed.get(seq); // committed-local in some view, not necessarily the entry's latest
        if (x == null) {
            s.violate("Agreement", at + " executes seq " + seq + ", which it has not committed");
            return;
        }
        Map<String, Object> pp = k.prePrepares.get(x.view() + "/" + seq);
        if (pp == null) {
            throw new FoldException(at + " executes seq " + seq + " of view " + x.view()
                    + " without a PrePrepare for it it accepted");
        }
        Object req = pp.get("request");
        String request = "null";
        if (req != null) {
            Map<String, Object> r = map(req);
            request = num(r, "clientId") + ":" + num(r, "seq") + ":" + r.get("op");
            if (!s.authentic.contains(Statements.key(r))) {
                s.violate("Validity", at + " executes request " + request + " at seq " + seq
                        + ", which its client never sent");
            }
            s.executing.put(node, num(r, "clientId") + ":" + num(r, "seq"));
        }
        String first = s.executed.putIfAbsent(seq, request);
        if (first != null && !first.equals(request)) {
            s.violate("Agreement", at + " executes " + request + " at seq " + seq + " where an honest replica executed "
                    + first);
        }
        k.states.put(seq, now.state);
        String state = s.states.putIfAbsent(seq, now.state);
        if (state != null && !state.equals(now.state)) {
            s.violate(seq % s.checkpointEvery == 0 ? "CheckpointSafety" : "Agreement", at + " reaches state "
                    + now.state + " after seq " + seq + " where an honest replica reached " + state);
        }
    }

    private static void acceptResult(PbftTraceState s, int client, Map<String, Object> st) {
        long seq = num(st, "seq");
        Object value = st.get("value");
        Map<Integer, Object> got = s.replies.getOrDefault(client, Map.of()).getOrDefault(seq, Map.of());
        long matching = got.values().stream().filter(v -> Objects.equals(v, value)).count();
        String at = "client " + client + " accepts " + value + " for its request " + seq;
        if (matching < s.f + 1) {
            s.violate("ReplyQuorum", at + " after " + matching + " matching Replies, not f+1 = " + (s.f + 1));
        }
        String request = client + ":" + seq;
        if (!s.results.containsKey(request)) {
            s.violate("ClientLinearity", at + ", which no honest replica executed");
        } else if (!Objects.equals(s.results.get(request), value)) {
            s.violate("ClientLinearity", at + ", but honest replicas executed it with result " + s.results.get(request));
        }
    }

    private static Replica read(Map<String, Object> st, TraceEvent e) {
        Replica r = new Replica();
        r.view = num(st, "view");
        r.changing = Boolean.TRUE.equals(st.get("changing"));
        r.h = num(st, "h");
        r.executed = num(st, "executed");
        r.state = String.valueOf(st.get("state"));
        for (Map.Entry<String, Object> en : JsonObjects.asMap(st.get("log"), "log").entrySet()) {
            Map<String, Object> x = JsonObjects.asMap(en.getValue(), "log entry " + en.getKey());
            long seq;
            try {
                seq = Long.parseLong(en.getKey());
            } catch (NumberFormatException ex) {
                throw new FoldException(e.action() + " records log seq '" + en.getKey() + "', not a number");
            }
            r.log.put(seq, new Entry(num(x, "view"), String.valueOf(x.get("digest")),
                    Boolean.TRUE.equals(x.get("prepared")), Boolean.TRUE.equals(x.get("committed"))));
        }
        return r;
    }
}
