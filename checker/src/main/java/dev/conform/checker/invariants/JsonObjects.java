package dev.conform.checker.invariants;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** The recorded value o as an int; anything else (text, a fraction, null) rejects the trace. */
    public static int integer(Object o, String what) {
        if (o instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        throw new FoldException(what + " is not an integer: " + o);
    }

    /**
     * A vector {"<server>": n} (a vector clock, a causal dependency vector) that names every one of
     * {@code servers} exactly once with a count of at least 0, as an array in the order of servers.
     */
    public static int[] serverVector(List<Integer> servers, Object o, String what) {
        Map<String, Object> m = asMap(o, what);
        if (m.size() != servers.size()) {
            throw new FoldException(what + " names " + m.keySet() + ", not the servers " + servers);
        }
        int[] v = new int[servers.size()];
        for (int i = 0; i < v.length; i++) {
            Object x = m.get(String.valueOf(servers.get(i)));
            if (x == null) {
                throw new FoldException(what + " names " + m.keySet() + ", not the servers " + servers);
            }
            v[i] = integer(x, what + " entry");
            if (v[i] < 0) {
                throw new FoldException(what + " has a negative entry: " + m);
            }
        }
        return v;
    }
}
