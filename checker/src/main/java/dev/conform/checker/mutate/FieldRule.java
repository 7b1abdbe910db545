package dev.conform.checker.mutate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A field of an event's recorded state that the algorithm's spec models, and how to change it.
 * The path is dot-separated from {@code state}; {@code *} stands for every key of an object
 * (e.g. {@code crdt.counts.*}, a G-Counter's per-replica counts).
 *
 * @param path   the field
 * @param change how a mutant changes it
 * @param values for {@link Change#ENUM}: every value the field can take
 */
public record FieldRule(String path, Change change, List<String> values) {
    /** How a value is changed; each keeps the JSON type unless it is {@link Change#PHANTOM_KEY}. */
    public enum Change {
        /** an integer, plus 1000 */
        SHIFT,
        /** a string of an enumeration, another member */
        ENUM,
        /** a string, another string ({@code "<value>~mutant"}) */
        TEXT,
        /** an integer naming a node, a node not in the header */
        PHANTOM_VALUE,
        /** an object keyed by node id, one more key: a node not in the header */
        PHANTOM_KEY
    }

    public FieldRule {
        values = List.copyOf(values);
    }

    static FieldRule of(String path, Change change, String... values) {
        return new FieldRule(path, change, List.of(values));
    }

    /** A resolved place: the object holding the field and the field's name. */
    record Place(ObjectNode owner, String field) {
        JsonNode value() {
            return owner.get(field);
        }
    }

    /** Every place of this rule in {@code state} whose value the change applies to. */
    List<Place> places(JsonNode state) {
        String[] parts = path.split("\\.");
        List<Place> out = new ArrayList<>();
        collect(state, parts, 0, out);
        out.removeIf(p -> !applies(p.value()));
        return out;
    }

    private static void collect(JsonNode at, String[] parts, int k, List<Place> out) {
        if (!(at instanceof ObjectNode o)) {
            return;
        }
        String p = parts[k];
        if (k == parts.length - 1) {
            if (p.equals("*")) {
                for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                    out.add(new Place(o, it.next()));
                }
            } else if (o.has(p)) {
                out.add(new Place(o, p));
            }
            return;
        }
        if (p.equals("*")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                collect(it.next().getValue(), parts, k + 1, out);
            }
        } else {
            collect(o.get(p), parts, k + 1, out);
        }
    }

    private boolean applies(JsonNode v) {
        return switch (change) {
            case SHIFT, PHANTOM_VALUE -> v != null && v.isIntegralNumber();
            case ENUM -> v != null && v.isTextual() && values.contains(v.asText()) && values.size() > 1;
            case TEXT -> v != null && v.isTextual();
            case PHANTOM_KEY -> v != null && v.isObject();
        };
    }

    /** Changes the value at {@code p}; returns a description of the change. */
    String change(Place p, long phantom) {
        JsonNode old = p.value();
        ObjectNode o = p.owner();
        String f = p.field();
        switch (change) {
            case SHIFT -> o.put(f, old.asLong() + 1000);
            case PHANTOM_VALUE -> o.put(f, phantom);
            case ENUM -> o.put(f, values.get((values.indexOf(old.asText()) + 1) % values.size()));
            case TEXT -> o.put(f, old.asText() + "~mutant");
            case PHANTOM_KEY -> ((ObjectNode) old).put(Long.toString(phantom), 1);
        }
        return f + ": " + old + " -> " + o.get(f);
    }

    /** Gives the value at {@code p} the wrong JSON type; returns a description. */
    static String wrongType(Place p) {
        JsonNode old = p.value();
        ObjectNode o = p.owner();
        if (old.isTextual()) {
            o.put(p.field(), 7);
        } else if (old.isObject()) {
            o.put(p.field(), "wrong-type");
        } else {
            o.put(p.field(), old.asText());
        }
        return p.field() + ": " + old + " -> " + o.get(p.field());
    }
}
