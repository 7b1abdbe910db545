package dev.conform.checker.invariants;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recorded values (states, message bodies, fault data) as JSON objects. Read from a file they are
 * maps already; recorded in memory they are the producer's own records, which are compared as the
 * file would hold them. One rule for every replay, so the Java side reads a trace one way.
 */
public final class JsonObjects {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonObjects() {
    }

    /**
     * The object o as a map with keys in recorded order; null is the empty object.
     *
     * @param what names o in the error (for example "message 7's body")
     * @throws FoldException when o is not a JSON object, so the trace is rejected, never skipped
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object o, String what) {
        if (o == null) {
            return Map.of();
        }
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        try {
            return JSON.convertValue(o, LinkedHashMap.class);
        } catch (IllegalArgumentException e) {
            throw new FoldException(what + " is not a JSON object: " + o);
        }
    }
}
