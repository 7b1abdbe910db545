package dev.conform.checker.invariants.crdt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.checker.invariants.FoldException;

import java.util.List;
import java.util.Map;

/**
 * Typed access to the JSON values a {@code crdt} trace records (objects as maps, arrays as
 * lists), failing with a {@link FoldException} that names the field when a value has the wrong
 * shape, so that a malformed trace is a rejected event, never an exception of the checker.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The plain JSON form (maps, lists, numbers, strings, booleans) of a recorded value. */
    static Object plain(Object recorded) {
        try {
            return MAPPER.convertValue(recorded, Object.class);
        } catch (IllegalArgumentException e) {
            throw new FoldException("a recorded value is not JSON: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new FoldException(what + " must be a JSON object, got " + o);
    }

    static Map<String, Object> obj(Map<String, Object> parent, String field, String what) {
        return obj(parent.get(field), what + "." + field);
    }

    static List<?> arr(Object o, String what) {
        if (o instanceof List<?> l) {
            return l;
        }
        throw new FoldException(what + " must be a JSON array, got " + o);
    }

    static long nat(Object o, String what) {
        if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
            long v = ((Number) o).longValue();
            if (v >= 0) {
                return v;
            }
        }
        throw new FoldException(what + " must be a non-negative integer, got " + o);
    }

    static long nat(Map<String, Object> parent, String field, String what) {
        return nat(parent.get(field), what + "." + field);
    }

    static String str(Object o, String what) {
        if (o instanceof String s) {
            return s;
        }
        throw new FoldException(what + " must be a string, got " + o);
    }
}
