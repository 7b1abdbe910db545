package dev.conform.cli.mbt;

import dev.conform.algorithms.raft.ClientCommand;
import dev.conform.algorithms.raft.RaftAlgorithm;
import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.checker.mbt.MbtException;
import dev.conform.checker.value.TlaValue;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Raft: {@code specs/raft/MbtRaft.tla} replayed into {@code dev.conform.algorithms.raft}. Server
 * ids are the implementation's (1..n). The mapping is {@code TraceRaft.tla}'s: an action records
 * currentTerm, role, votedFor, the log when the action changed it, snapshotIndex, snapshotTerm,
 * commitIndex, a candidate's votesGranted and a leader's nextIndex and matchIndex of the other
 * servers; messages are Raft.tla's records field for field (an InstallSnapshot's data aside: the
 * spec ships entries, the implementation the store's image). Timers: a server's election timer is
 * Timeout, a leader's heartbeat timer sends to every peer (the spec's SendAppendEntries or
 * SendInstallSnapshot, one peer per step). Sends and restarts record no action. A client command
 * is the spec's value {@code client:seq:op}, sent by that client (an external endpoint) to the
 * leader; the clients' replies are outside the spec.
 */
final class RaftMbt implements MbtModel<RaftMessage> {
    private static final Set<String> SENDS = Set.of("SendRequestVote", "SendAppendEntries", "SendInstallSnapshot");
    private static final Map<String, Stimulus> STIMULI = Map.ofEntries(
            Map.entry("Timeout", new Stimulus.Fire("election")),
            Map.entry("SendRequestVote", new Stimulus.Own()),
            Map.entry("BecomeLeader", new Stimulus.Own()),
            Map.entry("SendAppendEntries", new Stimulus.Fire("heartbeat")),
            Map.entry("SendInstallSnapshot", new Stimulus.Fire("heartbeat")),
            Map.entry("AdvanceCommitIndex", new Stimulus.Own()),
            Map.entry("TakeSnapshot", new Stimulus.Own()),
            Map.entry("Restart", new Stimulus.Reboot()),
            Map.entry("UpdateTerm", new Stimulus.Deliver()),
            Map.entry("HandleRequestVote", new Stimulus.Deliver()),
            Map.entry("HandleRequestVoteResponse", new Stimulus.Deliver()),
            Map.entry("HandleAppendEntries", new Stimulus.Deliver()),
            Map.entry("HandleAppendEntriesResponse", new Stimulus.Deliver()),
            Map.entry("HandleInstallSnapshot", new Stimulus.Deliver()),
            Map.entry("HandleInstallSnapshotResponse", new Stimulus.Deliver()));

    @Override
    public String name() {
        return RaftAlgorithm.NAME;
    }

    @Override
    public Algorithm<RaftMessage> algorithm() {
        return new RaftAlgorithm();
    }

    @Override
    public String module() {
        return "MbtRaft.tla";
    }

    @Override
    public String config() {
        return "MbtRaft.cfg";
    }

    /** The servers, the domain of currentTerm (which must be 1..n). */
    @Override
    public int servers(Map<String, TlaValue> init) {
        List<Integer> ids = SpecValues.domain(init.get("currentTerm"));
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != i + 1) {
                throw new MbtException("the model's servers must be 1.." + ids.size() + " (the implementation's ids), not "
                        + ids);
            }
        }
        return ids.size();
    }

    /**
     * No clients of its own; with the spec's Compaction a snapshot of everything applied as soon as
     * something is (snapshotEvery 1, as MbtRaft owes TakeSnapshot), else none; the spec's flaw.
     */
    @Override
    public Options options(List<Map<String, TlaValue>> behaviour) {
        TlaValue.Record o = (TlaValue.Record) behaviour.get(0).get("mbtOptions");
        boolean compaction = o.fields().get("compaction").equals(new TlaValue.Bool(true));
        Options options = Options.empty().with("clients", 0).with("snapshotEvery", compaction ? 1 : 0);
        String flaw = MbtStep.string(o, "flaw");
        return flaw.equals("None") ? options : options.withFlaw(flaw);
    }

    @Override
    public Stimulus stimulus(MbtStep step) {
        if (step.action().equals("ClientRequest")) {
            ClientCommand c = ClientCommand.decode(MbtStep.string((TlaValue.Record) step.msg(), "value"));
            return new Stimulus.Inject(c.clientId(), new RaftMessage.ClientRequest(c.clientId(), c.seq(), c.op()));
        }
        Stimulus s = STIMULI.get(step.action());
        if (s == null) {
            throw new MbtException("no stimulus for spec action " + step.action() + " of raft");
        }
        return s;
    }

    @Override
    public boolean records(MbtStep step) {
        return !SENDS.contains(step.action()) && MbtModel.super.records(step);
    }

    @Override
    public List<String> actions() {
        List<String> all = new ArrayList<>(STIMULI.keySet());
        all.add("ClientRequest");
        return all.stream().sorted().toList();
    }

    @Override
    public Map<String, Object> specView(int node, Map<String, TlaValue> before, Map<String, TlaValue> after) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("currentTerm", SpecValues.number(at(after, "currentTerm", node)));
        String role = SpecValues.string(at(after, "role", node));
        v.put("role", role);
        v.put("votedFor", SpecValues.number(at(after, "votedFor", node)));
        TlaValue log = at(after, "log", node);
        if (!log.equals(at(before, "log", node))) {
            v.put("log", specEntries(log));
        }
        v.put("snapshotIndex", SpecValues.number(at(after, "snapshotIndex", node)));
        v.put("snapshotTerm", SpecValues.number(at(after, "snapshotTerm", node)));
        v.put("commitIndex", SpecValues.number(at(after, "commitIndex", node)));
        if (role.equals("Candidate")) {
            v.put("votesGranted", SpecValues.ids(at(after, "votesGranted", node)).stream().map(Long::valueOf).toList());
        }
        if (role.equals("Leader")) {
            v.put("matchIndex", byPeer(at(after, "matchIndex", node), node));
            v.put("nextIndex", byPeer(at(after, "nextIndex", node), node));
        }
        return v;
    }

    /**
     * As TraceRaft's LogMatches: a recorded log must be the spec's log after the step; without one
     * the spec's log is unchanged (an action may record a log it rewrote to the same entries).
     */
    @Override
    public boolean agrees(int node, Map<String, TlaValue> before, Map<String, TlaValue> after,
            Map<String, Object> recorded) {
        Map<String, Object> want = specView(node, before, after);
        if (recorded.containsKey("log") && !want.containsKey("log")) {
            want.put("log", specEntries(at(after, "log", node)));
        }
        return want.equals(recorded);
    }

    @Override
    public Map<String, Object> recorded(int node, Object state) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (!(state instanceof Map<?, ?> m)) {
            v.put("unreadable", String.valueOf(state));
            return v;
        }
        for (String f : List.of("currentTerm", "role", "votedFor", "log", "snapshotIndex", "snapshotTerm",
                "commitIndex", "votesGranted", "matchIndex", "nextIndex")) {
            if (m.containsKey(f)) {
                v.put(f, normal(m.get(f)));
            }
        }
        return v;
    }

    /** Numbers as longs, maps sorted by key, lists and strings as they are. */
    private static Object normal(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normal(x)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(RaftMbt::normal).toList();
        }
        return o;
    }

    private static TlaValue at(Map<String, TlaValue> state, String var, int node) {
        TlaValue f = state.get(var);
        if (f == null) {
            throw new MbtException("the spec's states have no variable " + var);
        }
        return SpecValues.apply(f, node);
    }

    /** A log as the implementation records it: entries {term, value}. */
    private static List<Object> specEntries(TlaValue log) {
        List<Object> out = new ArrayList<>();
        for (TlaValue e : ((TlaValue.Tuple) log).elements()) {
            TlaValue.Record r = (TlaValue.Record) e;
            Map<String, Object> entry = new TreeMap<>();
            entry.put("term", SpecValues.number(r.fields().get("term")));
            entry.put("value", SpecValues.string(r.fields().get("value")));
            out.add(entry);
        }
        return out;
    }

    /** A leader's index per other server, keyed by id as the implementation records it. */
    private static Map<String, Object> byPeer(TlaValue f, int node) {
        Map<String, Object> out = new TreeMap<>();
        for (int j : SpecValues.domain(f)) {
            if (j != node) {
                out.put(Integer.toString(j), SpecValues.number(SpecValues.apply(f, j)));
            }
        }
        return out;
    }

    @Override
    public String key(TlaValue specMessage) {
        Map<String, String> f = new TreeMap<>();
        ((TlaValue.Record) specMessage).fields().forEach((k, v) -> {
            if (k.equals("entries")) {
                f.put(k, entries(v));
            } else if (!k.equals("data")) {
                f.put(k, v instanceof TlaValue.Str s ? s.value() : v.toTla());
            }
        });
        return f.toString();
    }

    @Override
    public String key(int from, int to, RaftMessage m) {
        if (!(m instanceof RaftMessage.ServerMessage s)) {
            return null; // client traffic: not in the spec
        }
        Map<String, String> f = new TreeMap<>();
        f.put("mtype", m.getClass().getSimpleName());
        f.put("msource", Integer.toString(from));
        f.put("mdest", Integer.toString(to));
        f.put("term", Long.toString(s.term()));
        if (m instanceof RaftMessage.RequestVote r) {
            f.put("lastLogIndex", Long.toString(r.lastLogIndex()));
            f.put("lastLogTerm", Long.toString(r.lastLogTerm()));
        } else if (m instanceof RaftMessage.RequestVoteResponse r) {
            f.put("voteGranted", bool(r.voteGranted()));
        } else if (m instanceof RaftMessage.AppendEntries a) {
            f.put("prevLogIndex", Long.toString(a.prevLogIndex()));
            f.put("prevLogTerm", Long.toString(a.prevLogTerm()));
            f.put("entries", a.entries().stream().map(e -> e.term() + ":" + e.value()).toList().toString());
            f.put("leaderCommit", Long.toString(a.leaderCommit()));
        } else if (m instanceof RaftMessage.AppendEntriesResponse a) {
            f.put("success", bool(a.success()));
            f.put("matchIndex", Long.toString(a.matchIndex()));
        } else if (m instanceof RaftMessage.InstallSnapshot i) {
            f.put("lastIncludedIndex", Long.toString(i.lastIncludedIndex()));
            f.put("lastIncludedTerm", Long.toString(i.lastIncludedTerm()));
        } else if (m instanceof RaftMessage.InstallSnapshotResponse i) {
            f.put("matchIndex", Long.toString(i.matchIndex()));
        }
        return f.toString();
    }

    private static String entries(TlaValue seq) {
        List<String> out = new ArrayList<>();
        for (TlaValue e : ((TlaValue.Tuple) seq).elements()) {
            TlaValue.Record r = (TlaValue.Record) e;
            out.add(SpecValues.number(r.fields().get("term")) + ":" + SpecValues.string(r.fields().get("value")));
        }
        return out.toString();
    }

    private static String bool(boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    @Override
    public Set<String> specMessages(Map<String, TlaValue> state) {
        Set<String> out = new TreeSet<>();
        for (TlaValue m : ((TlaValue.Set) state.get("messages")).elements()) {
            out.add(key(m));
        }
        return out;
    }

    /** Raft.tla's restart is one step: every server is up in every state. */
    @Override
    public boolean specUp(int node, Map<String, TlaValue> state) {
        return true;
    }

}
