package dev.conform.checker.invariants.raft;

import dev.conform.checker.invariants.FoldException;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Java twin of specs/raft/TraceRaft.tla's steps: replays Raft.tla's actions on the state it
 * keeps ({@link SpecServer}), from the header's servers and parameters, and rejects an event the
 * spec cannot take, with the same reasons: a request not built from its sender's state, an answer
 * not produced by a handler, a handler's recorded state other than the spec's, a restart that lost
 * persisted state, a client reply not justified by the committed log. The network rules (message
 * identity, deliveries, crashes, the plan) are {@link dev.conform.checker.network.TraceNetwork}'s,
 * applied before this; a delivery here only names the message its handler works on.
 */
final class RaftSpecReplay {
    private final List<Integer> servers;
    private final Set<Integer> clients;
    private final Map<Integer, SpecServer> specs = new LinkedHashMap<>();
    private final Map<Integer, TraceMessage> pending = new HashMap<>();
    private final Map<Long, List<Entry>> shipped = new HashMap<>();
    private final long snapshotEvery;
    /** Why the header does not bind a Raft cluster, or null. */
    private final String headerProblem;

    RaftSpecReplay(TraceHeader header) {
        this.servers = List.copyOf(header.servers());
        this.clients = Set.copyOf(header.clients());
        for (int s : servers) {
            specs.put(s, new SpecServer(s));
        }
        Map<String, Object> params = header.params() == null ? Map.of() : header.params();
        Object options = params.get("options");
        Object every = options instanceof Map<?, ?> o ? o.get("snapshotEvery") : null;
        long e;
        try {
            e = every == null ? 16 : Long.parseLong(String.valueOf(every));
        } catch (NumberFormatException ex) {
            e = -1;
        }
        this.snapshotEvery = e;
        String problem = null;
        if (servers.isEmpty()) {
            problem = "the header names no servers";
        } else if (e < 0) {
            problem = "the header's option snapshotEvery is not a number: " + every;
        } else if (params.get("servers") instanceof Number n && n.intValue() != servers.size()) {
            problem = "the header's params.servers is " + n + " but its roles name " + servers.size() + " servers";
        } else if (params.get("clients") instanceof List<?> l && !ids(l).equals(new TreeSet<>(clients))) {
            problem = "the header's params.clients " + l + " differ from its client role " + clients;
        }
        this.headerProblem = problem;
    }

    private static Set<Integer> ids(List<?> l) {
        Set<Integer> out = new TreeSet<>();
        for (Object o : l) {
            out.add(o instanceof Number n ? n.intValue() : -1);
        }
        return out;
    }

    /** Why the trace cannot end here (an answer not sent, a client reply owed), or null. */
    String endProblem() {
        for (SpecServer s : specs.values()) {
            if (!s.settled()) {
                return "server " + s.id + " never sent " + (s.owed != null ? "the client reply it owes" : "its answer "
                    + s.outbox.get(0));
            }
        }
        return null;
    }

    void apply(TraceEvent e) {
        if (headerProblem != null) {
            throw new FoldException(headerProblem);
        }
        switch (e.kind()) {
            case SEND -> send(e);
            case DELIVER -> deliver(e);
            case ACTION -> action(e);
            case CRASH -> crash(e.node());
            case RESTART -> restart(e);
            case TIMER -> settled(e.node(), "a timer fires");
            default -> { }
        }
    }

    private void settled(int node, String what) {
        SpecServer s = specs.get(node);
        if (s != null && !s.settled()) {
            throw new FoldException(what + " at server " + node + " before it sent "
                + (s.owed != null ? "the client reply it owes" : "its answer " + s.outbox.get(0)));
        }
    }

    private SpecServer server(int node, String what) {
        SpecServer s = specs.get(node);
        if (s == null) {
            throw new FoldException(what + " at node " + node + ", which is not a server of the header");
        }
        return s;
    }

    // ---- sends ----------------------------------------------------------------------------

    private void send(TraceEvent e) {
        TraceMessage m = e.msg();
        boolean fromServer = specs.containsKey(m.from());
        boolean toServer = specs.containsKey(m.to());
        if (SpecMessages.RAFT.contains(m.type()) && fromServer && toServer) {
            SpecServer s = specs.get(m.from());
            Map<String, Object> got = SpecMessages.of(m);
            if (SpecMessages.REQUESTS.contains(m.type())) {
                settled(m.from(), "a send of " + m.type());
                Map<String, Object> want = request(s, m);
                if (!want.equals(got)) {
                    throw new FoldException("server " + s.id + " sends " + got + " but its state gives " + want);
                }
                if (m.type().equals("InstallSnapshot")) {
                    shipped.put(m.id(), new ArrayList<>(s.full.subList(0, (int) s.snapshotIndex)));
                }
            } else if (!s.outbox.remove(got)) {
                throw new FoldException("server " + s.id + " sends " + got + ", which no handler of it produced"
                    + (s.outbox.isEmpty() ? "" : " (it owes " + s.outbox + ")"));
            }
        } else if (m.type().equals("ClientRequest") && clients.contains(m.from()) && toServer) {
            if (!(SpecMessages.body(m).get("clientId") instanceof Number c) || c.intValue() != m.from()) {
                throw new FoldException("client " + m.from() + " sends a request naming another client");
            }
        } else if (m.type().equals("ClientReply") && fromServer && clients.contains(m.to())) {
            ClientReplies.send(specs.get(m.from()), m);
        } else {
            throw new FoldException("message " + m.id() + " (" + m.type() + " " + m.from() + " -> " + m.to()
                + ") is no message between the roles this algorithm has");
        }
    }

    /** The request Raft.tla's Send action of server s builds for m's destination. */
    private static Map<String, Object> request(SpecServer s, TraceMessage m) {
        int j = m.to();
        if (!s.role.equals(m.type().equals("RequestVote") ? "Candidate" : "Leader") || j == s.id) {
            throw new FoldException("server " + s.id + " (" + s.role + ") cannot send " + m.type() + " to " + j);
        }
        return switch (m.type()) {
            case "RequestVote" -> SpecMessages.spec("RequestVote", s.id, j, s.term,
                "lastLogIndex", s.lastIndex(), "lastLogTerm", s.lastTerm());
            case "AppendEntries" -> {
                long next = s.nextIndex.getOrDefault(j, 0L);
                long n = SpecMessages.entries(SpecMessages.body(m).get("entries")).size();
                if (next <= s.snapshotIndex || n > s.lastIndex() + 1 - next) {
                    throw new FoldException("server " + s.id + " cannot send " + n + " entries from index " + next
                        + " to " + j + " (snapshot " + s.snapshotIndex + ", last " + s.lastIndex() + ")");
                }
                yield SpecMessages.spec("AppendEntries", s.id, j, s.term, "prevLogIndex", next - 1,
                    "prevLogTerm", s.termAt(next - 1),
                    "entries", new ArrayList<>(s.full.subList((int) (next - 1), (int) (next - 1 + n))),
                    "leaderCommit", s.commitIndex);
            }
            default -> {
                if (s.nextIndex.getOrDefault(j, 0L) > s.snapshotIndex) {
                    throw new FoldException("server " + s.id + " sends a snapshot to " + j + ", whose nextIndex "
                        + s.nextIndex.get(j) + " is past it");
                }
                yield SpecMessages.spec("InstallSnapshot", s.id, j, s.term, "lastIncludedIndex", s.snapshotIndex,
                    "lastIncludedTerm", s.snapshotTerm);
            }
        };
    }

    // ---- deliveries and actions -------------------------------------------------------------

    private void deliver(TraceEvent e) {
        TraceMessage m = e.msg();
        if (specs.containsKey(m.to())) {
            if (!(SpecMessages.RAFT.contains(m.type()) && specs.containsKey(m.from())
                    || m.type().equals("ClientRequest") && clients.contains(m.from()))) {
                throw new FoldException("server " + m.to() + " is delivered a " + m.type() + " from node " + m.from());
            }
            settled(m.to(), "a delivery");
            pending.put(m.to(), m);
        } else if (!(clients.contains(m.to()) && m.type().equals("ClientReply"))) {
            throw new FoldException("client " + m.to() + " is delivered a " + m.type());
        }
    }

    private void action(TraceEvent e) {
        SpecServer s = server(e.node(), "action " + e.action());
        settled(s.id, "action " + e.action());
        Map<String, Object> recorded = SpecMessages.asMap(e.state());
        List<Entry> logBefore = new ArrayList<>(s.live());
        TraceMessage p = pending.get(s.id);
        RaftActions.take(s, e.action(), p, this);
        if (RaftActions.consumes(e.action())) {
            pending.remove(s.id);
        }
        RecordedState.check(s, e.action(), recorded, logBefore, servers);
    }

    List<Entry> shipped(long id) {
        List<Entry> d = shipped.get(id);
        if (d == null) {
            throw new FoldException("snapshot message " + id + " was not sent by a server");
        }
        return d;
    }

    List<Integer> servers() {
        return servers;
    }

    long snapshotEvery() {
        return snapshotEvery;
    }

    // ---- crash and restart --------------------------------------------------------------------

    private void crash(int node) {
        settled(node, "a crash");
        pending.remove(node);
        SpecServer s = specs.get(node);
        if (s != null) {
            s.crash();
        }
    }

    private void restart(TraceEvent e) {
        SpecServer s = specs.get(e.node());
        if (s == null || e.state() == null) {
            return;
        }
        Map<String, Object> st = SpecMessages.asMap(e.state());
        if (SpecMessages.num(st, "currentTerm") != s.term || SpecMessages.num(st, "votedFor") != s.votedFor
                || SpecMessages.num(st, "snapshotIndex") != s.snapshotIndex
                || SpecMessages.num(st, "snapshotTerm") != s.snapshotTerm
                || !SpecMessages.sameEntries(SpecMessages.entries(st.get("log")), s.live())) {
            throw new FoldException("server " + s.id + " restarts with persisted state " + st
                + " but persisted " + s + " with log " + s.live());
        }
    }
}
