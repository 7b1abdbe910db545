package dev.conform.checker.invariants.pbft;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The global state of a {@code pbft} run as the Java invariants see it: every statement some node
 * signed (authentic: it appeared in a send by its signer), the Byzantine nodes so far, each
 * honest replica's last recorded state and what it consumed (PrePrepares, Prepares), what honest
 * replicas committed and executed per seq, the results they replied and the replies clients got.
 * The folder finds each violation at the step that makes it and keeps the first per invariant.
 */
public final class PbftTraceState {
    /** One log entry of a recorded replica state. */
    record Entry(long view, String digest, boolean prepared, boolean committed) {
        /** True when {@code was} is an entry of the same view and digest. */
        boolean sameSlot(Entry was) {
            return was != null && was.view == view && was.digest.equals(digest);
        }

        /** True when this entry is prepared and {@code was} is not the same entry prepared already. */
        boolean newlyPrepared(Entry was) {
            return prepared && !(sameSlot(was) && was.prepared);
        }
    }

    /** A replica's recorded state. */
    static final class Replica {
        long view;
        boolean changing;
        long h;
        long executed;
        TreeMap<Long, Entry> log = new TreeMap<>();
        String state;
    }

    /** What an honest replica consumed or sent itself in a view, per seq. */
    static final class Known {
        /** (view, seq) -> the accepted PrePrepare's digest and request (null request for the null one). */
        final Map<String, Map<String, Object>> prePrepares = new HashMap<>();
        /** "view/seq/digest" -> replicas whose Prepare it consumed or sent. */
        final Map<String, Set<Integer>> prepares = new HashMap<>();
        /** "view/seq/digest" -> replicas whose Commit it consumed or sent. */
        final Map<String, Set<Integer>> commits = new HashMap<>();
        /** "seq/state" -> replicas whose Checkpoint it consumed (or took from a proof) or sent. */
        final Map<String, Set<Integer>> checkpoints = new HashMap<>();
        /** seq -> the state digest this replica recorded after executing seq. */
        final Map<Long, String> states = new HashMap<>();
        /** seq -> the entry with which its recorded log first showed it committed (in any view). */
        final Map<Long, Entry> committed = new HashMap<>();
        /** Seqs it asked the state of (StateRequests it sent). */
        final Set<Long> asked = new HashSet<>();
        /** Digests of the requests it executed (its store is durable: over crashes too). */
        final Set<String> ran = new HashSet<>();
    }

    final List<Integer> servers;
    final Set<Integer> clients;
    final int f;
    final long window;
    final long checkpointEvery;
    final NewViewCheck views;
    final Set<Integer> byzantine = new HashSet<>();
    final Set<String> authentic = new HashSet<>();
    /** Request digest -> the first authentic ClientRequest with it. */
    final Map<String, Map<String, Object>> requests = new HashMap<>();
    /** Ids of messages carrying a statement not authentic when sent. */
    final Set<Long> unauthentic = new HashSet<>();
    final Map<Integer, Replica> replicas = new LinkedHashMap<>();
    final Map<Integer, Known> known = new HashMap<>();
    /** The message delivered to each node and not yet followed by its action. */
    final Map<Integer, Map<String, Object>> delivered = new HashMap<>();
    final Map<Integer, Long> deliveredId = new HashMap<>();
    /** Nodes that recorded an action since their last delivery, timer or restart (only they may send). */
    final Set<Integer> acted = new HashSet<>();
    final Map<Long, String> committed = new HashMap<>();
    /** seq -> "clientId:seq:op" of the request honest replicas executed there ("null": the null request). */
    final Map<Long, String> executed = new HashMap<>();
    /** seq -> the state digest honest replicas reached after executing 1..seq (checkpoint seqs). */
    final Map<Long, String> states = new HashMap<>();
    /** Replica -> the request its last Execute executed ("clientId:seq"), until its Reply is sent. */
    final Map<Integer, String> executing = new HashMap<>();
    /** "clientId:seq" -> the result the first honest replica replied after executing it. */
    final Map<String, Object> results = new HashMap<>();
    /** Client -> seq -> replica -> result of the authentic Replies delivered to it. */
    final Map<Integer, Map<Long, Map<Integer, Object>>> replies = new HashMap<>();
    final OwedSends owed;
    final Map<String, String> violations = new LinkedHashMap<>();
    boolean anyPrepared;
    boolean anyCommitted;
    boolean anyExecuted;
    boolean anyStable;
    boolean anyViewChange;

    PbftTraceState(List<Integer> servers, List<Integer> clients, long window, long checkpointEvery) {
        this.servers = servers.stream().sorted().toList();
        this.clients = new HashSet<>(clients);
        this.f = (servers.size() - 1) / 3;
        this.window = window;
        this.checkpointEvery = checkpointEvery;
        this.views = new NewViewCheck(servers);
        this.owed = new OwedSends(this.servers);
        for (int s : this.servers) {
            replicas.put(s, new Replica());
            known.put(s, new Known());
        }
    }

    boolean honest(int node) {
        return !byzantine.contains(node);
    }

    void violate(String invariant, String description) {
        violations.putIfAbsent(invariant, description);
    }

    boolean holds(String invariant) {
        return !violations.containsKey(invariant);
    }

    @Override
    public String toString() {
        if (!violations.isEmpty()) {
            return violations.toString();
        }
        String owing = owed.endProblem();
        return owing != null ? owing : "no violation";
    }
}
