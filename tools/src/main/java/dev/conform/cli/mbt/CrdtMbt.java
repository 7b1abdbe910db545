package dev.conform.cli.mbt;

import dev.conform.algorithms.crdt.ClientWorkload;
import dev.conform.algorithms.crdt.CrdtAlgorithm;
import dev.conform.algorithms.crdt.CrdtKind;
import dev.conform.algorithms.crdt.GCounter;
import dev.conform.algorithms.crdt.GossipMessage;
import dev.conform.algorithms.crdt.GossipReplicaNode;
import dev.conform.algorithms.crdt.ReplicaSnapshot;
import dev.conform.checker.mbt.MbtException;
import dev.conform.checker.value.TlaValue;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Options;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The G-Counter: {@code specs/crdt/MbtCrdt.tla} replayed into {@code dev.conform.algorithms.crdt}
 * (type g-counter). Replica ids are the implementation's (1..n). The mapping is
 * {@code TraceCrdt.tla}'s for this type: an action records the replica's counter, one count per
 * replica ({@code counts[i]} in the spec; zero counts are not kept); a message carries the sender's
 * counter and is a push or a reply. Timers: {@code update} is Increment, {@code gossip} a round
 * pushing to every peer (fanout = all peers). The amount of an increment is the implementation's
 * seeded workload: the driver picks the workload seed whose first requests at each replica are the
 * behaviour's increments.
 */
final class CrdtMbt implements MbtModel<GossipMessage> {
    /** The implementation's keys option: its workload draws a key before the amount, so it fixes the stream. */
    private static final int KEYS = 3;
    private static final long MAX_SEED = 5_000_000L;
    private static final Map<String, Stimulus> STIMULI = Map.of(
            "Increment", new Stimulus.Fire(GossipReplicaNode.UPDATE_TIMER),
            "SendGossip", new Stimulus.Fire(GossipReplicaNode.GOSSIP_TIMER),
            "ReceiveGossip", new Stimulus.Deliver(),
            "DropGossip", new Stimulus.Lose());

    @Override
    public String name() {
        return CrdtAlgorithm.NAME;
    }

    @Override
    public Algorithm<GossipMessage> algorithm() {
        return new CrdtAlgorithm();
    }

    @Override
    public String module() {
        return "MbtCrdt.tla";
    }

    @Override
    public String config() {
        return "MbtCrdt.cfg";
    }

    /** The replicas, the domain of counts (which must be 1..n). */
    @Override
    public int servers(Map<String, TlaValue> init) {
        List<Integer> ids = SpecValues.domain(init.get("counts"));
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != i + 1) {
                throw new MbtException("the model's replicas must be 1.." + ids.size() + " (the implementation's ids), not "
                        + ids);
            }
        }
        return ids.size();
    }

    /** A g-counter pushing to every peer, with a workload whose increments are the behaviour's. */
    @Override
    public Options options(List<Map<String, TlaValue>> behaviour) {
        int n = servers(behaviour.get(0));
        Map<Integer, List<Long>> amounts = new HashMap<>();
        for (int i = 1; i < behaviour.size(); i++) {
            MbtStep s = MbtStep.of(behaviour.get(i));
            if (s.action().equals("Increment")) {
                long by = own(behaviour.get(i), s.node()) - own(behaviour.get(i - 1), s.node());
                amounts.computeIfAbsent(s.node(), k -> new ArrayList<>()).add(by);
            }
        }
        return Options.empty().with("type", CrdtKind.G_COUNTER.flag()).with("fanout", Math.max(1, n - 1))
                .with("updates", 1000).with("keys", KEYS).with("workload-seed", seedFor(amounts));
    }

    /** The first workload seed whose requests at each replica add the amounts the behaviour added. */
    private static long seedFor(Map<Integer, List<Long>> amounts) {
        for (long seed = 1; seed <= MAX_SEED; seed++) {
            if (matches(seed, amounts)) {
                return seed;
            }
        }
        throw new MbtException("no workload seed up to " + MAX_SEED + " makes the increments " + amounts
                + " (use fewer increments per behaviour)");
    }

    private static boolean matches(long seed, Map<Integer, List<Long>> amounts) {
        for (Map.Entry<Integer, List<Long>> e : amounts.entrySet()) {
            ClientWorkload w = new ClientWorkload(CrdtKind.G_COUNTER, e.getKey(), KEYS, seed);
            for (int k = 0; k < e.getValue().size(); k++) {
                if (w.request(k, Set.of()).amount() != e.getValue().get(k)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static long own(Map<String, TlaValue> state, int node) {
        return SpecValues.number(SpecValues.apply(SpecValues.apply(state.get("counts"), node), node));
    }

    @Override
    public Stimulus stimulus(MbtStep step) {
        Stimulus s = STIMULI.get(step.action());
        if (s == null) {
            throw new MbtException("no stimulus for spec action " + step.action() + " of crdt");
        }
        return s;
    }

    @Override
    public List<String> actions() {
        return STIMULI.keySet().stream().sorted().toList();
    }

    @Override
    public Map<String, Object> specView(int node, Map<String, TlaValue> before, Map<String, TlaValue> after) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("counts", specCounts(SpecValues.apply(after.get("counts"), node)));
        return v;
    }

    @Override
    public Map<String, Object> recorded(int node, Object state) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (state instanceof ReplicaSnapshot s && s.crdt() instanceof GCounter g) {
            v.put("counts", counts(g));
        } else {
            v.put("unreadable", String.valueOf(state));
        }
        return v;
    }

    /** A counter vector as replica id -> count, zero counts left out. */
    private static Map<String, Long> specCounts(TlaValue vector) {
        Map<String, Long> out = new TreeMap<>();
        for (int j : SpecValues.domain(vector)) {
            long c = SpecValues.number(SpecValues.apply(vector, j));
            if (c != 0) {
                out.put(Integer.toString(j), c);
            }
        }
        return out;
    }

    private static Map<String, Long> counts(GCounter g) {
        Map<String, Long> out = new TreeMap<>();
        g.counts().forEach((j, c) -> {
            if (c != 0) {
                out.put(Integer.toString(j), c);
            }
        });
        return out;
    }

    @Override
    public String key(TlaValue specMessage) {
        TlaValue.Record r = (TlaValue.Record) specMessage;
        return key(SpecValues.integer(r.fields().get("from")), SpecValues.integer(r.fields().get("to")),
                r.fields().get("push").equals(new TlaValue.Bool(true)), specCounts(r.fields().get("state")));
    }

    @Override
    public String key(int from, int to, GossipMessage m) {
        if (!(m.state() instanceof GCounter g)) {
            throw new MbtException("not a g-counter message: " + m);
        }
        return key(from, to, m instanceof GossipMessage.Push, counts(g));
    }

    private static String key(int from, int to, boolean push, Map<String, Long> counts) {
        return (push ? "Push " : "Reply ") + from + "->" + to + " " + counts;
    }

    /** Every message sent and not lost, with its kind (MbtCrdt's mbtSent). */
    @Override
    public Set<String> specMessages(Map<String, TlaValue> state) {
        Set<String> out = new TreeSet<>();
        for (TlaValue m : ((TlaValue.Set) state.get("mbtSent")).elements()) {
            out.add(key(m));
        }
        return out;
    }

    /** Crdt.tla has no crashes. */
    @Override
    public boolean specUp(int node, Map<String, TlaValue> state) {
        return true;
    }
}
