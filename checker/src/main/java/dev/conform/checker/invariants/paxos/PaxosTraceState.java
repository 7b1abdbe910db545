package dev.conform.checker.invariants.paxos;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The global state of a {@code paxos} run as the Java invariants see it: each server's last
 * recorded state, every vote ever cast (votes are never forgotten here, even when an acceptor
 * compacts or loses them), the values chosen by those votes, the commands clients sent and the
 * value applied in each slot. The folder finds each violation at the step that makes it and
 * keeps the first description per invariant; the predicates read those.
 */
public final class PaxosTraceState {
    /** A server's recorded state. */
    static final class Server {
        long ballot;
        long promised;
        boolean leader;
        Map<Long, Vote> accepted = new TreeMap<>();
        Map<Long, String> chosen = new TreeMap<>();
        long applied;
        long snapshotIndex;
    }

    /** A vote's ballot and value. */
    record Vote(long ballot, String value) {
    }

    final int majority;
    final int serverCount;
    final java.util.List<Integer> serverIds;
    final java.util.List<String> flaws;
    final Map<Integer, Server> servers = new LinkedHashMap<>();
    /** slot -> (ballot, value) -> acceptors that ever voted so. */
    final Map<Long, Map<Vote, Set<Integer>>> votes = new HashMap<>();
    /** slot -> the values a majority voted for at one ballot. */
    final Map<Long, Set<String>> chosenByVotes = new HashMap<>();
    /** Every slot 1..chosenPrefix is chosen by votes. */
    long chosenPrefix;
    final Set<String> sentCommands = new HashSet<>();
    final Map<Long, String> appliedValues = new HashMap<>();
    /** "clientId:seq" of each applied command -> the first slot it was applied in. */
    final Map<String, Long> appliedSlot = new HashMap<>();
    /** The ballot of the message last delivered to each server (-1: the message has none). */
    final Map<Integer, Long> deliveredBallot = new HashMap<>();
    /** Servers that recorded an action since their last delivery, timer or restart (only they may send). */
    final Set<Integer> acted = new HashSet<>();
    /** First violation found per invariant name. */
    final Map<String, String> violations = new LinkedHashMap<>();
    boolean anyChosen;

    PaxosTraceState(java.util.List<Integer> serverIds, java.util.List<String> flaws) {
        for (int id : serverIds) {
            servers.put(id, new Server());
        }
        this.serverIds = serverIds.stream().sorted().toList();
        this.serverCount = serverIds.size();
        this.majority = serverCount / 2 + 1;
        this.flaws = java.util.List.copyOf(flaws);
    }

    void violate(String invariant, String description) {
        violations.putIfAbsent(invariant, description);
    }

    /** Counts a vote; returns true when it gives its value a majority at its ballot. */
    void vote(int acceptor, long slot, Vote v) {
        Set<Integer> who = votes.computeIfAbsent(slot, k -> new HashMap<>()).computeIfAbsent(v, k -> new HashSet<>());
        if (who.add(acceptor) && who.size() >= majority) {
            Set<String> values = chosenByVotes.computeIfAbsent(slot, k -> new HashSet<>());
            if (values.add(v.value())) {
                anyChosen = true;
                if (values.size() > 1) {
                    violate("Agreement", "slot " + slot + " has two chosen values " + values
                            + " (the second by a majority at ballot " + v.ballot() + ": " + who + ")");
                }
                if (!validValue(v.value())) {
                    violate("Validity", "slot " + slot + " chose '" + v.value() + "', which no client sent");
                }
                while (chosenByVotes.containsKey(chosenPrefix + 1)) {
                    chosenPrefix++;
                }
            }
        }
    }

    boolean validValue(String value) {
        return "noop".equals(value) || sentCommands.contains(value);
    }

    boolean agreement() {
        return !violations.containsKey("Agreement");
    }

    boolean validity() {
        return !violations.containsKey("Validity");
    }

    boolean logConsistency() {
        return !violations.containsKey("LogConsistency");
    }

    boolean snapshotSafety() {
        return !violations.containsKey("SnapshotSafety");
    }

    boolean acceptedBelowPromise() {
        return !violations.containsKey("AcceptedBelowPromise");
    }

    boolean valueChosen() {
        return anyChosen;
    }

    @Override
    public String toString() {
        return violations.isEmpty() ? "no violation; chosen prefix " + chosenPrefix : String.join("; ",
                violations.values());
    }
}
