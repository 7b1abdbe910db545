package dev.conform.checker.invariants.swim;

import dev.conform.tracing.TraceMessage;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code swim} run as the trace shows it: per member its durable incarnation, its folded view
 * (the recorded deltas applied in order), its probe and relay bookkeeping and the sends its last
 * action owes; globally, which suspicions, deaths, leaves and incarnations were ever announced, so
 * that every update on the wire has an origin. Updated in place by {@link SwimFolder}.
 */
public final class SwimTraceState {
    /** The header's parameters the judge needs. */
    record Params(int k, int piggyback, int joiners, int leaveAt) {
    }

    /** A send an action owes: its type and a check of the message. */
    record Owed(String type, java.util.function.Consumer<TraceMessage> check) {
    }

    /** One member. View arrays are indexed by server position. */
    static final class Member {
        final int id;
        final int[] status;
        final int[] inc;
        /** Durable incarnation (persisted at first start, Refute and Rejoin). */
        int self;
        int round;
        int seq;
        boolean joined;
        boolean left;
        /** The delivery its next handler action consumes. */
        TraceMessage pending;
        /** The timer that fired last and the number of actions taken since. */
        String timer;
        int actionsSinceTimer;
        String lastAction;
        /** The probe of this period: target (0: none), seq, acknowledged. */
        int probeTarget;
        int probeSeq;
        boolean probeAcked;
        /** Helper seq to {origin, origin's seq}, the 64 most recent, as the node keeps them. */
        final LinkedHashMap<Integer, int[]> relays = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, int[]> eldest) {
                return size() > 64;
            }
        };
        /** The incarnation a due Refute must rise above (-1: none due); only right after a handler. */
        int refuteDue = -1;
        /** Sends owed by the last action, in order; must all be made before the member's next step. */
        final ArrayDeque<Owed> owed = new ArrayDeque<>();
        /** Must the next action be Rejoin (just restarted)? */
        boolean mustRejoin;

        Member(int id, int servers) {
            this.id = id;
            this.status = new int[servers];
            this.inc = new int[servers];
        }
    }

    final List<Integer> servers;
    final Params params;
    final Map<Integer, Integer> index = new HashMap<>();
    final Map<Integer, Member> members = new HashMap<>();
    /** Announced anywhere: "q/i" keys per kind of update. */
    final Set<Long> suspected = new HashSet<>();
    final Set<Long> confirmed = new HashSet<>();
    final Set<Long> leaves = new HashSet<>();
    final Set<Long> incarnations = new HashSet<>();
    final Map<String, String> violations = new LinkedHashMap<>();
    boolean suspectedSome;
    boolean refutedSome;
    boolean confirmedSome;
    boolean joinedSome;
    boolean leftSome;

    SwimTraceState(List<Integer> servers, Params params) {
        this.servers = List.copyOf(servers);
        this.params = params;
        for (int i = 0; i < servers.size(); i++) {
            index.put(servers.get(i), i);
            members.put(servers.get(i), new Member(servers.get(i), servers.size()));
            incarnations.add(key(servers.get(i), 0));
        }
    }

    static long key(int member, int inc) {
        return ((long) member << 32) | (inc & 0xFFFFFFFFL);
    }

    boolean joiner(int id) {
        return params.joiners() > 0 && index.get(id) >= servers.size() - params.joiners();
    }

    int leaver() {
        return servers.get(Math.max(0, servers.size() - params.joiners() - 1));
    }

    void violate(String invariant, String message) {
        violations.putIfAbsent(invariant, message);
    }

    boolean holds(String invariant) {
        return !violations.containsKey(invariant);
    }

    /** No member owes a send of its last action, or a Refute: the trace did not stop mid-handler. */
    boolean quiet() {
        for (Member m : members.values()) {
            if (!m.owed.isEmpty() || m.refuteDue >= 0 || m.mustRejoin) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        if (!violations.isEmpty()) {
            return violations.toString();
        }
        StringBuilder b = new StringBuilder("incarnations");
        for (int s : servers) {
            Member m = members.get(s);
            b.append(' ').append(s).append(':').append(m.self).append(m.left ? "(left)" : "");
        }
        return b.toString();
    }
}
