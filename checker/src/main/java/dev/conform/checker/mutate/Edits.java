package dev.conform.checker.mutate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Small edits of event lists shared by the operators. */
final class Edits {
    private Edits() {
    }

    /** A new event of {@code node} of {@code kind}, with clocks when {@code like} (an event of that node) has them. */
    static ObjectNode event(ObjectNode like, long node, String kind) {
        ObjectNode e = TraceDoc.JSON.createObjectNode();
        if (like.has("seq")) {
            e.put("seq", 0);
        }
        e.put("node", node);
        e.put("kind", kind);
        if (like.has("lamport")) {
            e.put("lamport", 0);
        }
        if (like.has("vc")) {
            e.putObject("vc");
        }
        return e;
    }

    /** Moves the event at {@code from} to just after the event now at {@code after} (from < after). */
    static void moveAfter(List<ObjectNode> es, int from, int after) {
        ObjectNode e = es.remove(from);
        es.add(after, e);
    }

    /** Moves the event at {@code from} to just before the event now at {@code before} (before < from). */
    static void moveBefore(List<ObjectNode> es, int from, int before) {
        ObjectNode e = es.remove(from);
        es.add(before, e);
    }
}
