package dev.conform.checker.invariants.erasure;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.JsonObjects;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds {@code erasure} events into {@link ErasureTraceState}. A coordinator action replaces its
 * metadata (StartWrite must take the key's next version, AckWrite needs W StoreAcks of that
 * version, committed versions never go down); a storage action replaces the node's shards (a
 * HandleStore keeps exactly the delivered bytes); the shards a write sends are remembered per
 * (key, version, index), and a repair's shards and a read's answer are judged against them; a
 * wipe empties a storage node; a restart must bring back exactly what was last recorded (nothing
 * after a wipe). The network rules are the generic replay's.
 */
final class ErasureFolder implements StateFolder<ErasureTraceState> {
    @Override
    public ErasureTraceState initial(TraceHeader header) {
        Map<String, Object> options = header.params() == null ? Map.of()
                : JsonObjects.asMap(header.params().get("options"), "the header's params.options");
        int k = option(options, "k");
        int w = option(options, "writeQuorum");
        List<Integer> coordinator = header.withRole("coordinator");
        if (coordinator.size() != 1) {
            throw new FoldException("the header names " + coordinator.size() + " coordinators (role \"coordinator\"),"
                    + " an erasure trace has exactly one");
        }
        int m = option(options, "m");
        List<Integer> storage = header.withRole("storage");
        if (k < 1 || m < 0 || storage.size() != k + m || w < k || w > k + m) {
            throw new FoldException("the header's k = " + k + ", m = " + m + ", writeQuorum = " + w + " and "
                    + storage.size() + " storage nodes do not fit (k >= 1, k + m storage nodes, k <= W <= k + m)");
        }
        ErasureTraceState s = new ErasureTraceState(k, w, coordinator.get(0), storage);
        s.diskLoss = Boolean.parseBoolean(String.valueOf(options.get("diskLoss")));
        return s;
    }

    private static int option(Map<String, Object> options, String name) {
        try {
            return Integer.parseInt(String.valueOf(options.get(name)).trim());
        } catch (NumberFormatException e) {
            throw new FoldException("the header's params.options has no integer " + name + " (got " + options.get(name)
                    + ")");
        }
    }

    @Override
    public ErasureTraceState apply(ErasureTraceState s, TraceEvent e) {
        int n = e.node();
        boolean server = n == s.coordinator || s.storageIndex.containsKey(n);
        switch (e.kind()) {
            case SEND -> {
                if (server && s.lastAction.get(n) == null) {
                    throw new FoldException("server " + n + " sends " + e.msg().type()
                            + " without a recorded action since its last delivery, timer or restart");
                }
                if (server && !ErasureInvariants.SENDERS.getOrDefault(e.msg().type(), Set.of())
                        .contains(s.lastAction.get(n))) {
                    throw new FoldException("server " + n + " sends " + e.msg().type() + " after " + s.lastAction.get(n)
                            + ", which does not send it");
                }
                if (n == s.coordinator) {
                    ErasureSends.coordinatorSend(s, e);
                }
            }
            case DELIVER -> {
                s.lastAction.remove(n);
                Map<String, Object> body = new java.util.HashMap<>(JsonObjects.asMap(e.msg().body(), "a message body"));
                body.put("type", e.msg().type());
                s.delivered.put(n, body);
            }
            case TIMER -> s.lastAction.remove(n);
            case CRASH -> {
                s.lastAction.remove(n);
                if (n == s.coordinator) {
                    s.acks.clear(); // pending writes are volatile
                    s.pending.clear();
                    s.clientWrite.clear();
                }
            }
            case FAULT -> {
                if ("wipe".equals(e.action())) {
                    wipe(s, n);
                }
            }
            case RESTART -> restart(s, n, e);
            case ACTION -> {
                if (!server) {
                    return s;
                }
                s.lastAction.put(n, e.action());
                Map<String, Object> st = JsonObjects.asMap(e.state(), "the state of action " + e.action());
                if (n == s.coordinator) {
                    coordinatorAction(s, e, st);
                } else {
                    storageAction(s, n, e, st);
                }
            }
            default -> { }
        }
        return s;
    }

    private static void wipe(ErasureTraceState s, int n) {
        if (!s.diskLoss) {
            throw new FoldException("node " + n + "'s disk is wiped, but the run's option diskLoss is not true");
        }
        if (!s.storageIndex.containsKey(n)) {
            throw new FoldException("node " + n + "'s disk is wiped, but only storage nodes may lose their disks"
                    + " (the coordinator's metadata is assumed durable)");
        }
        s.shards.get(n).clear();
        s.storageCommitted.get(n).clear();
        s.wiped.add(n);
        s.wipes++;
    }

    private static void restart(ErasureTraceState s, int n, TraceEvent e) {
        s.lastAction.remove(n);
        Map<String, Object> st = JsonObjects.asMap(e.state(), "the restart state");
        if (n == s.coordinator) {
            s.acks.clear();
            s.pending.clear();
            s.clientWrite.clear();
            Map<String, Long> nv = Recorded.longs(st.get("nextVersion"), "nextVersion");
            Map<String, Long> com = Recorded.longs(st.get("committed"), "committed");
            Map<String, Long> ses = Recorded.longs(st.get("sessions"), "sessions");
            if (!nv.equals(s.nextVersion) || !com.equals(s.committed) || !ses.equals(s.sessions)) {
                throw new FoldException("the coordinator restarts with nextVersion " + nv + ", committed " + com
                        + ", sessions " + ses + ", not the metadata it last recorded: " + s.nextVersion + ", "
                        + s.committed + ", " + s.sessions);
            }
        } else if (s.storageIndex.containsKey(n)) {
            boolean wiped = s.wiped.remove(n);
            Map<String, TreeMap<Long, ErasureTraceState.Held>> shards = Recorded.shards(st.get("shards"));
            Map<String, Long> committed = Recorded.longs(st.get("committed"), "committed");
            if (!shards.equals(s.shards.get(n)) || !committed.equals(s.storageCommitted.get(n))) {
                throw new FoldException("storage node " + n + " restarts with shards " + shards + " and committed "
                        + committed + ", not " + (wiped ? "empty, as its disk was wiped" : "what it last recorded: "
                        + s.shards.get(n) + ", " + s.storageCommitted.get(n)));
            }
        }
    }

    private static void coordinatorAction(ErasureTraceState s, TraceEvent e, Map<String, Object> st) {
        Map<String, Long> nv = Recorded.longs(st.get("nextVersion"), "nextVersion");
        Map<String, Long> com = Recorded.longs(st.get("committed"), "committed");
        Map<String, Long> ses = Recorded.longs(st.get("sessions"), "sessions");
        Map<String, java.util.TreeSet<Long>> pend = Recorded.pending(st.get("pending"));
        Map<String, Object> in = s.delivered.getOrDefault(s.coordinator, Map.of());
        if (!ErasureInvariants.COORDINATOR_ACTIONS.contains(e.action())) {
            throw new FoldException("the coordinator takes action " + e.action() + ", which is not a coordinator action "
                    + ErasureInvariants.COORDINATOR_ACTIONS);
        }
        switch (e.action()) {
            case "StartWrite" -> startWrite(s, in, nv);
            case "HandleStoreAck" -> {
                String kv = ErasureTraceState.kv(Recorded.text(in, "key"), Recorded.number(in, "version"));
                var acks = s.acks.get(kv);
                if (acks != null) {
                    acks.add((int) Recorded.number(in, "index"));
                }
            }
            case "AckWrite" -> ackWrite(s, in, com);
            case "StartRead" -> {
                String key = Recorded.command(in, "get")[1];
                s.reads.put(Recorded.number(in, "clientId") + ":" + Recorded.number(in, "seq"),
                        new ErasureTraceState.ReadStart(key, s.acked.getOrDefault(key, 0L)));
            }
            case "CompleteRead", "RepairShard" -> {
                List<long[]> used = Recorded.used(st.get("used"), e.action());
                s.lastUsed.put(s.coordinator, used);
                checkOneVersion(s, e.action(), used);
            }
            default -> { }
        }
        CoordinatorSteps.check(s, e.action(), CoordinatorSteps.next(s, e.action(), in), nv, com, ses, pend);
        s.nextVersion = nv;
        s.committed = com;
        s.sessions = ses;
    }

    /** StartWrite handles a put and takes exactly the key's next version. */
    private static void startWrite(ErasureTraceState s, Map<String, Object> in, Map<String, Long> nv) {
        String[] put = Recorded.command(in, "put");
        long before = s.nextVersion.getOrDefault(put[1], 1L);
        String kv = ErasureTraceState.kv(put[1], before);
        s.writtenValue.put(kv, put[2]);
        s.startedWrite = kv;
        s.acks.put(kv, new HashSet<>());
    }

    /** AckWrite: W distinct StoreAcks of that version were handled, and the key's committed version covers it. */
    private static void ackWrite(ErasureTraceState s, Map<String, Object> in, Map<String, Long> com) {
        String key = Recorded.text(in, "key");
        long v = Recorded.number(in, "version");
        var acks = s.acks.remove(ErasureTraceState.kv(key, v));
        int got = acks == null ? 0 : acks.size();
        if (got < s.writeQuorum) {
            throw new FoldException("AckWrite acknowledges version " + v + " of key " + key + " after " + got
                    + " StoreAck(s) of storage nodes " + (acks == null ? "[]" : acks) + "; the write quorum is "
                    + s.writeQuorum);
        }
        if (com.getOrDefault(key, 0L) < v) {
            throw new FoldException("AckWrite acknowledges version " + v + " of key " + key + " but records committed "
                    + com.getOrDefault(key, 0L));
        }
        s.acked.merge(key, v, Math::max);
    }

    /** NoMixedRead: a decode uses k shards of one version. */
    private static void checkOneVersion(ErasureTraceState s, String action, List<long[]> used) {
        if (used.isEmpty() && "CompleteRead".equals(action)) {
            return; // a read of a key never acknowledged decodes nothing
        }
        List<String> pairs = new ArrayList<>();
        boolean mixed = false;
        for (long[] u : used) {
            pairs.add("[" + u[0] + "," + u[1] + "]");
            mixed |= u[1] != used.get(0)[1];
        }
        if (mixed) {
            s.violate("NoMixedRead", action + " decodes from shards of different versions " + pairs);
        } else if (used.size() != s.k || used.stream().mapToLong(u -> u[0]).distinct().count() != used.size()
                || used.stream().anyMatch(u -> u[0] < 0 || u[0] >= s.storageIndex.size())) {
            s.violate("NoMixedRead", action + " decodes from " + used.size() + " shard(s) " + pairs + ", not k = "
                    + s.k + " shards of distinct indices below k + m");
        }
    }

    /**
     * A storage action: the recorded shards and committed versions must be exactly what the spec's
     * step makes of the previous ones ({@link StorageSteps}); a Store kept below the node's
     * committed version is reported as RepairExact rather than as an impossible step.
     */
    private static void storageAction(ErasureTraceState s, int n, TraceEvent e, Map<String, Object> st) {
        Map<String, TreeMap<Long, ErasureTraceState.Held>> shards = Recorded.shards(st.get("shards"));
        Map<String, Long> committed = Recorded.longs(st.get("committed"), "committed");
        Map<String, Object> in = s.delivered.getOrDefault(n, Map.of());
        if (!"HandleStore".equals(e.action()) || !StorageSteps.keptBelowCommitted(s, n, in, shards)) {
            StorageSteps.check(s, n, e.action(), in, shards, committed);
        }
        s.shards.put(n, shards);
        s.storageCommitted.put(n, committed);
    }
}
