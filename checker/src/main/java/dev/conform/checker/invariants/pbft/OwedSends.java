package dev.conform.checker.invariants.pbft;

import dev.conform.checker.invariants.FoldException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sends honest replicas owe: an item (type, key fields, destination) the action that causes
 * it adds ({@link Obligations}), one matching send removes. The runtime sends an action's messages
 * right after recording it, so a replica owes nothing by the time the trace shows its next action,
 * delivery, timer, crash or restart, nor at the end. Owing is a lower bound on the sends; which
 * sends are allowed at all is checked elsewhere.
 */
final class OwedSends {
    private static final List<String> SLOT = List.of("view", "seq", "digest");
    /** The fields that identify an owed message of each type, in the order messages name them. */
    private static final Map<String, List<String>> KEYS = Map.of(
            "PrePrepare", SLOT,
            "Prepare", SLOT,
            "Commit", SLOT,
            "Checkpoint", List.of("seq", "state"),
            "Reply", List.of("clientId", "seq"),
            "ViewChange", List.of("view"),
            "NewView", List.of("view"));

    private record Item(String type, String key, int to, String cause) {
        String describe() {
            return "the " + type + " " + key + " to " + to;
        }
    }

    private final List<Integer> servers;
    private final Map<Integer, List<Item>> owed = new HashMap<>();

    OwedSends(List<Integer> servers) {
        this.servers = servers;
    }

    /** Replica {@code i}'s {@code cause} owes {@code type} with these key fields to every other replica. */
    void toReplicas(int i, String cause, String type, Map<String, Object> fields) {
        for (int to : servers) {
            if (to != i) {
                to(i, to, cause, type, fields);
            }
        }
    }

    /** Replica {@code i}'s {@code cause} owes {@code type} with these key fields to {@code to}. */
    void to(int i, int to, String cause, String type, Map<String, Object> fields) {
        owed.computeIfAbsent(i, x -> new ArrayList<>()).add(new Item(type, key(type, fields), to, cause));
    }

    /** A send of replica {@code i} pays one matching owed item, if any. */
    void sent(int i, String type, Map<String, Object> body, int to) {
        List<Item> items = owed.get(i);
        if (items == null || !KEYS.containsKey(type)) {
            return;
        }
        String key = key(type, body);
        for (int n = 0; n < items.size(); n++) {
            Item it = items.get(n);
            if (it.type().equals(type) && it.to() == to && it.key().equals(key)) {
                items.remove(n);
                return;
            }
        }
    }

    /** Replica {@code i} takes its next step ({@code event}): it must owe nothing by now. */
    void wentOn(int i, String event) {
        List<Item> items = owed.get(i);
        if (items != null && !items.isEmpty()) {
            Item it = items.get(0);
            throw new FoldException("replica " + i + " went on (" + event + ") without " + it.describe() + " its "
                    + it.cause() + " owes");
        }
    }

    /** A Byzantine replica owes nothing. */
    void forget(int i) {
        owed.remove(i);
    }

    /** Null when no replica owes anything, else what the first one still owes. */
    String endProblem() {
        for (int i : servers) {
            List<Item> items = owed.get(i);
            if (items != null && !items.isEmpty()) {
                return "replica " + i + " ended the trace owing " + items.get(0).describe();
            }
        }
        return null;
    }

    /** "{view 0, seq 3, digest d}": the type's key fields of an owed item or a sent body. */
    private static String key(String type, Map<String, Object> fields) {
        return KEYS.get(type).stream().map(f -> f + " " + fields.get(f)).collect(Collectors.joining(", ", "{", "}"));
    }
}
