package dev.conform.checker.invariants.crdt;

import dev.conform.tracing.TraceMessage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** TraceCrdt.tla's variables (but the network's), folded from a {@code crdt} trace. */
public final class CrdtTraceState {
    /**
     * What a replica is in the middle of ({@code Idle} and the task record of the spec): "" nothing,
     * "update" / "read" the timer's action comes next, "gossip" a round that pushed to
     * {@code pushed}, "reply" it owes {@code to} a reply.
     */
    record Task(String what, int to, Set<Integer> pushed) {
        static final Task IDLE = new Task("", 0, Set.of());
    }

    /** The header's parameters; null when the header does not bind them ({@link #headerProblem}). */
    final CrdtParams params;
    final String headerProblem;
    final Map<Integer, Replica> rep = new TreeMap<>();
    final Map<Integer, Replica> durable = new TreeMap<>();
    final Map<Integer, Task> task = new HashMap<>();
    final Set<Integer> stamped = new HashSet<>();
    /** The delivery each replica is handling (the runtime's pending delivery, as delivered). */
    final Map<Integer, TraceMessage> delivered = new HashMap<>();
    long merges;
    long reads;

    CrdtTraceState(CrdtParams params, String headerProblem) {
        this.params = params;
        this.headerProblem = headerProblem;
        if (params != null) {
            for (int n : params.nodes()) {
                Replica r = Replica.initial(params, n);
                rep.put(n, r);
                durable.put(n, r);
                task.put(n, Task.IDLE);
            }
        }
    }

    /** A gossip round is over once it pushed to its round size (RoundDone). */
    boolean roundDone(int n) {
        Task t = task.get(n);
        return !t.what().equals("gossip") || t.pushed().size() == params.roundSize();
    }

    /** Replica n is between handlers (Free). */
    boolean free(int n) {
        String w = task.get(n).what();
        return (w.isEmpty() || w.equals("gossip")) && roundDone(n) && !stamped.contains(n);
    }

    /** No handler left half done (CrdtQuiet, with TraceNetwork's end rule). */
    boolean quiet() {
        return params == null || params.nodes().stream().allMatch(this::free);
    }

    /** NoPhantomUpdates of TraceCrdt.tla. */
    boolean noPhantomUpdates() {
        for (Replica a : rep.values()) {
            for (Map.Entry<Integer, Replica> m : rep.entrySet()) {
                int o = m.getKey();
                Replica b = m.getValue();
                if (a.seen().get(o) > b.updates() || a.val().inc().get(o) > b.val().inc().get(o)
                        || a.val().dec().get(o) > b.val().dec().get(o) || a.val().ctx().get(o) > b.val().ctx().get(o)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** HlcDominates of TraceCrdt.tla. */
    boolean hlcDominates() {
        if (params == null || !params.hlc()) {
            return true;
        }
        for (Replica r : rep.values()) {
            for (Ts t : r.val().stamps()) {
                if (!t.hlcLeq(r.clock())) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        rep.forEach((n, r) -> b.append(" ").append(n).append(": ").append(r.val().read(params.kind()))
                .append(" clock ").append(r.clock()).append(" seen ").append(r.seen()).append(" updates ")
                .append(r.updates()).append(task.get(n).what().isEmpty() ? "" : " doing " + task.get(n).what()));
        return (params == null ? headerProblem : params.kind() + (params.hlc() ? "/hlc" : "/physical")) + ";" + b
                + "; merges " + merges + ", reads " + reads;
    }
}
