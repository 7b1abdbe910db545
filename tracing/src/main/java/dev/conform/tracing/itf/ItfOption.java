package dev.conform.tracing.itf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quint's encoding of an optional value in ITF, a variant: {@code {"tag": "Some", "value": v}} or
 * {@code {"tag": "None", "value": {"#tup": []}}}. The export uses it for the event fields that
 * may be absent, so every state still sets every variable (ITF's rule) and Quint reads them as
 * {@code Option}s.
 */
final class ItfOption {
    static final String SOME = "Some";
    static final String NONE = "None";

    private ItfOption() {
    }

    /** {@code Some(v)}, or {@code None} when {@code v} is null. */
    static Map<String, Object> of(Object v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", v == null ? NONE : SOME);
        m.put("value", v == null ? new ItfTuple(List.of()) : v);
        return m;
    }

    /**
     * The value inside an option read back, null for {@code None}.
     *
     * @throws IllegalArgumentException if {@code v} is not an option variant
     */
    static Object value(Object v) {
        if (v instanceof Map<?, ?> m && m.size() == 2 && m.containsKey("value")) {
            Object tag = m.get("tag");
            if (NONE.equals(tag) && new ItfTuple(List.of()).equals(m.get("value"))) {
                return null;
            }
            if (SOME.equals(tag)) {
                return m.get("value");
            }
        }
        throw new IllegalArgumentException("must be an Option variant {\"tag\": \"Some\"|\"None\", \"value\": ...}");
    }
}
