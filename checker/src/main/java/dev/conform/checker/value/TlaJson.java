package dev.conform.checker.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * JSON form of TLA+ values. Integers, strings and booleans are JSON scalars; tuples are arrays;
 * records are objects; the shapes JSON lacks are tagged objects: {@code {"#set": [...]}},
 * {@code {"#map": [[k, v], ...]}}, {@code {"#modelvalue": "name"}},
 * {@code {"#interval": [lo, hi]}} (in the spirit of the ITF trace format).
 */
public final class TlaJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TlaJson() {
    }

    public static JsonNode toJson(TlaValue value) {
        if (value instanceof TlaValue.Int i) {
            return i.value().bitLength() < 64 ? F.numberNode(i.value().longValue()) : F.numberNode(i.value());
        } else if (value instanceof TlaValue.Str s) {
            return F.textNode(s.value());
        } else if (value instanceof TlaValue.Bool b) {
            return F.booleanNode(b.value());
        } else if (value instanceof TlaValue.ModelValue m) {
            return F.objectNode().put("#modelvalue", m.name());
        } else if (value instanceof TlaValue.Tuple t) {
            ArrayNode a = F.arrayNode();
            t.elements().forEach(e -> a.add(toJson(e)));
            return a;
        } else if (value instanceof TlaValue.Set s) {
            ArrayNode a = F.arrayNode();
            s.elements().forEach(e -> a.add(toJson(e)));
            ObjectNode o = F.objectNode();
            o.set("#set", a);
            return o;
        } else if (value instanceof TlaValue.Record r) {
            return toJson(r.fields());
        } else if (value instanceof TlaValue.Function f) {
            ArrayNode a = F.arrayNode();
            f.entries().forEach(e -> a.add(F.arrayNode().add(toJson(e.key())).add(toJson(e.value()))));
            ObjectNode o = F.objectNode();
            o.set("#map", a);
            return o;
        } else if (value instanceof TlaValue.Interval iv) {
            ObjectNode o = F.objectNode();
            o.set("#interval", F.arrayNode().add(F.numberNode(iv.low())).add(F.numberNode(iv.high())));
            return o;
        }
        throw new IllegalArgumentException("unknown value " + value);
    }

    /** An object with one member per variable/field, in order. */
    public static ObjectNode toJson(Map<String, TlaValue> fields) {
        ObjectNode o = F.objectNode();
        fields.forEach((k, v) -> o.set(k, toJson(v)));
        return o;
    }
}
