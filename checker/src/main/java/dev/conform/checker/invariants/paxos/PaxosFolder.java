package dev.conform.checker.invariants.paxos;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.JsonObjects;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds {@code paxos} events into {@link PaxosTraceState}: a client's ClientRequest send adds its
 * command text; a server action replaces the server's recorded state, after checking the step
 * (new votes against the promise held before, new chosen values against the votes, the applied
 * slot against what others applied there, the snapshot against the chosen prefix); a restart
 * restores the persisted promise, votes and snapshot, with nothing chosen above it. The network
 * rules are the generic replay's.
 */
final class PaxosFolder implements StateFolder<PaxosTraceState> {
    @Override
    public PaxosTraceState initial(TraceHeader header) {
        List<String> flaws = new java.util.ArrayList<>();
        if (header.params() != null && header.params().get("flaws") instanceof List<?> l) {
            l.forEach(f -> flaws.add(String.valueOf(f)));
        }
        return new PaxosTraceState(header.servers(), flaws);
    }

    @Override
    public PaxosTraceState apply(PaxosTraceState s, TraceEvent e) {
        switch (e.kind()) {
            case SEND -> {
                if (s.servers.containsKey(e.node()) && !s.acted.contains(e.node())) {
                    throw new FoldException("server " + e.node() + " sends " + e.msg().type()
                            + " without a recorded action since its last delivery or timer");
                }
                if ("ClientReply".equals(e.msg().type())) {
                    successAfterApply(s, e);
                }
                if ("ClientRequest".equals(e.msg().type())) {
                    Map<String, Object> b = JsonObjects.asMap(e.msg().body(), "a ClientRequest body");
                    s.sentCommands.add(number(b, "clientId", e) + ":" + number(b, "seq", e) + ":" + b.get("op"));
                }
            }
            case TIMER, CRASH -> s.acted.remove(e.node());
            case DELIVER -> {
                s.acted.remove(e.node());
                Object b = JsonObjects.asMap(e.msg().body(), "a message body").get("ballot");
                s.deliveredBallot.put(e.node(), b instanceof Number x ? x.longValue() : -1L);
            }
            case ACTION -> {
                s.acted.add(e.node());
                PaxosTraceState.Server old = server(s, e);
                if (old != null) {
                    step(s, e, old, read(JsonObjects.asMap(e.state(), "the state of action " + e.action()), e));
                }
            }
            case RESTART -> {
                s.acted.remove(e.node());
                PaxosTraceState.Server old = server(s, e);
                if (old != null) {
                    step(s, e, old, restored(JsonObjects.asMap(e.state(), "the restart state"), e));
                }
            }
            default -> { }
        }
        return s;
    }

    /**
     * A success reply answers a command the replying server has applied (in a slot at or below its
     * applied index): a reply before the command is chosen and applied is a lie.
     */
    private static void successAfterApply(PaxosTraceState s, TraceEvent e) {
        Map<String, Object> b = JsonObjects.asMap(e.msg().body(), "a ClientReply body");
        PaxosTraceState.Server server = s.servers.get(e.node());
        if (!Boolean.TRUE.equals(b.get("ok")) || server == null) {
            return;
        }
        String key = e.msg().to() + ":" + number(b, "seq", e);
        Long slot = s.appliedSlot.get(key);
        if (slot == null || slot > server.applied) {
            throw new FoldException("server " + e.node() + " replies success to client " + e.msg().to()
                    + "'s command " + number(b, "seq", e) + ", which it has not applied (applied up to slot "
                    + server.applied + (slot == null ? "; no server applied it" : "; it is in slot " + slot) + ")");
        }
    }

    /** "clientId:seq" of a command value "clientId:seq:op" (the value itself for noop). */
    private static String requestKey(String value) {
        int second = value.indexOf(':', value.indexOf(':') + 1);
        return second < 0 ? value : value.substring(0, second);
    }

    private static PaxosTraceState.Server server(PaxosTraceState s, TraceEvent e) {
        PaxosTraceState.Server old = s.servers.get(e.node());
        if (old == null && e.kind() != dev.conform.tracing.EventKind.ACTION) {
            throw new FoldException("node " + e.node() + " is not a server");
        }
        return old;
    }

    /** Checks the step from {@code old} to {@code now} at server {@code e.node()} and keeps {@code now}. */
    private static void step(PaxosTraceState s, TraceEvent e, PaxosTraceState.Server old, PaxosTraceState.Server now) {
        int n = e.node();
        String at = (e.action() == null ? "restart" : e.action()) + " at server " + n;
        if (e.action() == null) {
            PaxosSteps.restart(n, old, now);
        } else {
            PaxosSteps.check(e.action(), s.serverIds.indexOf(n) + 1, s.serverCount, old, now,
                    s.deliveredBallot.getOrDefault(n, -1L), s.flaws);
        }
        for (Map.Entry<Long, PaxosTraceState.Vote> v : now.accepted.entrySet()) {
            PaxosTraceState.Vote vote = v.getValue();
            if (vote.ballot() > now.promised) {
                s.violate("AcceptedBelowPromise", at + ": vote " + vote + " in slot " + v.getKey()
                        + " above the promise " + now.promised);
            }
            if (!vote.equals(old.accepted.get(v.getKey()))) {
                if (e.action() != null && vote.ballot() < old.promised) {
                    s.violate("AcceptedBelowPromise", at + " votes " + vote + " in slot " + v.getKey()
                            + " below its promise " + old.promised);
                }
                s.vote(n, v.getKey(), vote);
            }
        }
        for (Map.Entry<Long, String> c : now.chosen.entrySet()) {
            if (!c.getValue().equals(old.chosen.get(c.getKey()))) {
                var byVotes = s.chosenByVotes.get(c.getKey());
                if (byVotes == null || !byVotes.contains(c.getValue())) {
                    s.violate("Agreement", at + " records '" + c.getValue() + "' as chosen in slot " + c.getKey()
                            + ", but the votes chose " + (byVotes == null ? "nothing" : byVotes));
                }
            }
        }
        if ("Apply".equals(e.action())) {
            String value = now.chosen.get(now.applied);
            if (value == null) {
                throw new FoldException(at + " applied slot " + now.applied + " without a chosen value for it");
            }
            String first = s.appliedValues.putIfAbsent(now.applied, value);
            s.appliedSlot.putIfAbsent(requestKey(value), now.applied);
            if (first != null && !first.equals(value)) {
                s.violate("LogConsistency", at + " applied '" + value + "' in slot " + now.applied
                        + " where another server applied '" + first + "'");
            }
        }
        if (now.snapshotIndex > s.chosenPrefix) {
            s.violate("SnapshotSafety", at + " has a snapshot up to slot " + now.snapshotIndex
                    + " but only slots up to " + s.chosenPrefix + " are chosen");
        }
        s.servers.put(n, now);
    }

    private static PaxosTraceState.Server read(Map<String, Object> st, TraceEvent e) {
        PaxosTraceState.Server v = new PaxosTraceState.Server();
        v.ballot = number(st, "ballot", e);
        v.promised = number(st, "promised", e);
        v.leader = Boolean.TRUE.equals(st.get("leader"));
        v.applied = number(st, "applied", e);
        v.snapshotIndex = number(st, "snapshotIndex", e);
        for (Map.Entry<String, Object> a : JsonObjects.asMap(st.get("accepted"), "accepted").entrySet()) {
            if (!(a.getValue() instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof Number b)) {
                throw new FoldException(e.action() + " records accepted slot " + a.getKey() + " as " + a.getValue()
                        + ", not [ballot, value]");
            }
            v.accepted.put(slot(a.getKey(), e), new PaxosTraceState.Vote(b.longValue(), String.valueOf(pair.get(1))));
        }
        for (Map.Entry<String, Object> c : JsonObjects.asMap(st.get("chosen"), "chosen").entrySet()) {
            v.chosen.put(slot(c.getKey(), e), String.valueOf(c.getValue()));
        }
        return v;
    }

    /** The persisted state: ballot, promised, accepted as [slot, ballot, value] triples, snapshotIndex. */
    private static PaxosTraceState.Server restored(Map<String, Object> st, TraceEvent e) {
        PaxosTraceState.Server v = new PaxosTraceState.Server();
        if (st.isEmpty()) {
            return v; // never persisted: a fresh server
        }
        v.ballot = number(st, "ballot", e);
        v.promised = number(st, "promised", e);
        v.snapshotIndex = number(st, "snapshotIndex", e);
        v.applied = v.snapshotIndex;
        Object acc = st.get("accepted");
        if (acc instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof List<?> t) || t.size() != 3 || !(t.get(0) instanceof Number sl)
                        || !(t.get(1) instanceof Number b)) {
                    throw new FoldException("the restart state has a vote " + o + ", not [slot, ballot, value]");
                }
                v.accepted.put(sl.longValue(), new PaxosTraceState.Vote(b.longValue(), String.valueOf(t.get(2))));
            }
        }
        v.accepted = new TreeMap<>(v.accepted);
        return v;
    }

    private static long slot(String key, TraceEvent e) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException x) {
            throw new FoldException(e.action() + " records slot '" + key + "', not a number");
        }
    }

    private static long number(Map<String, Object> m, String field, TraceEvent e) {
        if (m.get(field) instanceof Number n) {
            return n.longValue();
        }
        throw new FoldException(e.kind().name().toLowerCase() + " event at node " + e.node() + " has no integer "
                + field);
    }
}
