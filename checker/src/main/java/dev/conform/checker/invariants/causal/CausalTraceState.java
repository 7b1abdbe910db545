package dev.conform.checker.invariants.causal;

import dev.conform.tracing.TraceMessage;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code causal} run as the trace shows it: every value broadcast, with the broadcasts that
 * happened before it (those its origin had delivered, transitively, taken from the trace's Deliver
 * events, not from the recorded deps), and per server what it has delivered and holds back.
 * Updated in place by {@link CausalFolder}.
 */
public final class CausalTraceState {
    /** A broadcast value; {@code past} holds the indexes of the broadcasts that happened before it. */
    record Broadcast(int index, int origin, int seq, String value, int[] deps, BitSet past) {
        String name() {
            return "v(" + origin + "," + seq + ")";
        }
    }

    /** A server: durable nextSeq and delivered counts, volatile hold-back queue. */
    static final class Server {
        int nextSeq = 1;
        final int[] delivered;
        /** Broadcast indexes delivered here. */
        final BitSet deliveredSet = new BitSet();
        /** Broadcast indexes delivered here and everything that happened before them. */
        final BitSet knows = new BitSet();
        /** Hold-back queue: (origin, seq) key to the value held. */
        final TreeMap<Long, String> held = new TreeMap<>();
        TraceMessage pending;

        Server(int servers) {
            delivered = new int[servers];
        }
    }

    final List<Integer> servers;
    final Map<Integer, Integer> index = new HashMap<>();
    final Map<Integer, Server> server = new HashMap<>();
    final Map<Long, Broadcast> broadcasts = new HashMap<>();
    final List<Broadcast> byIndex = new ArrayList<>();
    final Map<String, String> violations = new LinkedHashMap<>();
    boolean heldBack; // some value was received before it was deliverable

    CausalTraceState(List<Integer> servers) {
        this.servers = List.copyOf(servers);
        for (int i = 0; i < servers.size(); i++) {
            index.put(servers.get(i), i);
            server.put(servers.get(i), new Server(servers.size()));
        }
    }

    static long key(int origin, int seq) {
        return ((long) origin << 32) | (seq & 0xFFFFFFFFL);
    }

    void violate(String invariant, String message) {
        violations.putIfAbsent(invariant, message);
    }

    boolean holds(String invariant) {
        return !violations.containsKey(invariant);
    }

    @Override
    public String toString() {
        if (!violations.isEmpty()) {
            return violations.toString();
        }
        StringBuilder b = new StringBuilder(broadcasts.size() + " values broadcast; delivered");
        server.forEach((n, s) -> b.append(" ").append(n).append(":").append(java.util.Arrays.toString(s.delivered)));
        return b.toString();
    }
}
