package dev.conform.checker.mutate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A conforming trace as the operators see it: its events, who sent and received which message
 * id, the run of each delivery (the receiving node's events up to its next delivery, timer,
 * crash or restart), and the algorithm's table ({@link AlgorithmTable}). Read-only: operators
 * edit a copy of {@link #doc()}.
 */
public final class Trace {
    private final TraceDoc doc;
    private final AlgorithmTable table;
    private final Map<Long, List<Integer>> byId = new HashMap<>();
    private final Set<String> unhandledTypes = new HashSet<>();
    private final TreeSet<Long> nodes = new TreeSet<>();
    private long maxId;
    /** Node to the index of the fault event that made it Byzantine (the first such event). */
    private final Map<Long, Integer> byzantineSince = new HashMap<>();

    public Trace(TraceDoc doc) {
        this.doc = doc;
        this.table = AlgorithmTable.of(doc.algorithm());
        for (JsonNode n : doc.header().path("nodes")) {
            nodes.add(n.asLong());
        }
        List<ObjectNode> es = doc.events();
        for (int i = 0; i < es.size(); i++) {
            JsonNode m = es.get(i).get("msg");
            if (m != null) {
                long id = m.path("id").asLong();
                byId.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
                maxId = Math.max(maxId, id);
            }
        }
        for (int i = 0; i < es.size(); i++) {
            if (kind(i).equals("fault") && action(i).equals("byzantine")) {
                byzantineSince.putIfAbsent(node(i), i);
            }
        }
        for (int i = 0; i < es.size(); i++) {
            if (kind(i).equals("deliver")) {
                int next = nextOfNode(i);
                if (next < 0 || !kind(next).equals("action")) {
                    unhandledTypes.add(msgType(i));
                }
            }
        }
    }

    public TraceDoc doc() {
        return doc;
    }

    public AlgorithmTable table() {
        return table;
    }

    public int size() {
        return doc.events().size();
    }

    public ObjectNode event(int i) {
        return doc.events().get(i);
    }

    public long node(int i) {
        return event(i).path("node").asLong();
    }

    public String kind(int i) {
        return event(i).path("kind").asText("");
    }

    public String action(int i) {
        return event(i).path("action").asText("");
    }

    public long msgId(int i) {
        return event(i).path("msg").path("id").asLong(-1);
    }

    public String msgType(int i) {
        return event(i).path("msg").path("type").asText("");
    }

    /** The header's nodes. */
    public Set<Long> nodes() {
        return nodes;
    }

    /** An id no message of the trace has. */
    public long freshId() {
        return maxId + 1;
    }

    /** A node id that is not in the header. */
    public long phantomNode() {
        return (nodes.isEmpty() ? 0 : nodes.last()) + 1;
    }

    /** Indexes of the events naming message {@code id}, in order. */
    public List<Integer> eventsOf(long id) {
        return byId.getOrDefault(id, List.of());
    }

    /** How many events of {@code kind} name message {@code id}. */
    public int count(long id, String kind) {
        int c = 0;
        for (int i : eventsOf(id)) {
            if (kind(i).equals(kind)) {
                c++;
            }
        }
        return c;
    }

    /** The next event of event i's node after i, or -1. */
    public int nextOfNode(int i) {
        long n = node(i);
        for (int j = i + 1; j < size(); j++) {
            if (node(j) == n) {
                return j;
            }
        }
        return -1;
    }

    /** Whether kind k starts a new step of a node's handler loop (a delivery, timer, crash, restart). */
    static boolean startsStep(String k) {
        return k.equals("deliver") || k.equals("timer") || k.equals("crash") || k.equals("restart");
    }

    /**
     * The run of event i: the later events of i's node up to (not including) its next delivery,
     * timer, crash or restart.
     */
    public List<Integer> run(int i) {
        long n = node(i);
        List<Integer> out = new ArrayList<>();
        for (int j = i + 1; j < size(); j++) {
            if (node(j) != n) {
                continue;
            }
            if (startsStep(kind(j))) {
                break;
            }
            out.add(j);
        }
        return out;
    }

    /** The action events of the run of event i. */
    public List<Integer> runActions(int i) {
        List<Integer> out = new ArrayList<>();
        for (int j : run(i)) {
            if (kind(j).equals("action")) {
                out.add(j);
            }
        }
        return out;
    }

    /**
     * Whether delivery i is consumed by a handler action: every delivery of its message type in
     * the trace is followed, as its node's next event, by an action (a type some delivery of
     * which is followed by anything else is taken as received by the delivery itself).
     */
    public boolean handled(int i) {
        return kind(i).equals("deliver") && !unhandledTypes.contains(msgType(i)) && !runActions(i).isEmpty();
    }

    /**
     * Whether event i is a step of a node the plan made Byzantine before it (a {@code byzantine}
     * fault event above i). Such a node's recorded actions and states may be anything, so an edit
     * of them is no lie and operators skip them; its sends stay open to operators, because what it
     * may send is still bounded (by its own key, by what it received, by the network).
     */
    public boolean byzantineAt(int i) {
        Integer since = byzantineSince.get(node(i));
        return since != null && since < i;
    }

    /** Whether {@code node} is up just before event i (by its crash and restart events above i). */
    public boolean upBefore(long node, int i) {
        boolean up = true;
        for (int j = 0; j < i; j++) {
            if (node(j) == node) {
                if (kind(j).equals("crash")) {
                    up = false;
                } else if (kind(j).equals("restart")) {
                    up = true;
                }
            }
        }
        return up;
    }

    /** The header's params (an empty object when absent). */
    public JsonNode params() {
        return doc.header().path("params");
    }
}
