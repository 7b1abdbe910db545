package dev.conform.checker.invariants.pbft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.conform.checker.invariants.FoldException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * PBFT's signed statements as trace bodies: every statement a message carries (itself and what
 * it embeds: a PrePrepare's request, a ViewChange's checkpoint proof and prepared certificates, a
 * NewView's ViewChanges and PrePrepares), its claimed signer, and a key equal for identical
 * statements (same fields, same signature) however the JSON was laid out.
 */
final class Statements {
    private static final ObjectMapper SORTED = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Statements() {
    }

    /** {@code body} and every statement embedded in it, outermost first. */
    static List<Map<String, Object>> all(Map<String, Object> body) {
        List<Map<String, Object>> out = new ArrayList<>();
        walk(body, out);
        return out;
    }

    private static void walk(Map<String, Object> st, List<Map<String, Object>> out) {
        out.add(st);
        switch (String.valueOf(st.get("type"))) {
            case "PrePrepare" -> {
                if (st.get("request") instanceof Map<?, ?> r) {
                    walk(map(r), out);
                }
            }
            case "ViewChange" -> {
                for (Object c : list(st.get("proof"))) {
                    walk(map(c), out);
                }
                for (Object c : list(st.get("prepared"))) {
                    Map<String, Object> cert = map(c);
                    walk(map(cert.get("prePrepare")), out);
                    for (Object p : list(cert.get("prepares"))) {
                        walk(map(p), out);
                    }
                }
            }
            case "StateReply" -> {
                for (Object c : list(st.get("proof"))) {
                    walk(map(c), out);
                }
            }
            case "NewView" -> {
                for (Object vc : list(st.get("viewChanges"))) {
                    walk(map(vc), out);
                }
                for (Object pp : list(st.get("prePrepares"))) {
                    walk(map(pp), out);
                }
            }
            default -> { }
        }
    }

    /** The node a statement claims to be signed by: a request's client, else its replica. */
    static int signer(Map<String, Object> st) {
        Object s = "ClientRequest".equals(st.get("type")) ? st.get("clientId") : st.get("replica");
        if (!(s instanceof Number n)) {
            throw new FoldException("a " + st.get("type") + " statement names no signer");
        }
        return n.intValue();
    }

    /** Equal for identical statements. */
    static String key(Map<String, Object> st) {
        try {
            return SORTED.writeValueAsString(st);
        } catch (JsonProcessingException e) {
            throw new FoldException("a statement cannot be written back: " + e.getOriginalMessage());
        }
    }

    /**
     * A request's digest: hex of the first 8 bytes of SHA-256 over "clientId:seq:op". The trace
     * format's rule (specs/pbft/README.md), recomputed here rather than taken from the
     * implementation, so that a wrong digest in any producer is caught.
     */
    static String digest(Map<String, Object> request) {
        return hex8(num(request, "clientId") + ":" + num(request, "seq") + ":" + request.get("op"));
    }

    /**
     * A state digest: the same short hash over a key-value snapshot's text (a StateReply's
     * snapshot must hash to the state its proof certifies).
     */
    static String stateDigest(Object snapshot) {
        return hex8(snapshot == null ? "" : String.valueOf(snapshot));
    }

    private static String hex8(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    /** True when {@code digest} names {@code request} (or "null" names no request). */
    static boolean digestMatches(Object digest, Object request) {
        if (request == null) {
            return "null".equals(digest);
        }
        return request instanceof Map<?, ?> r && digest(map(r)).equals(digest);
    }

    static long num(Map<String, Object> m, String field) {
        if (m.get(field) instanceof Number n) {
            return n.longValue();
        }
        throw new FoldException("a " + m.get("type") + " has no integer " + field);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new FoldException("expected a statement object, got " + o);
    }

    static List<?> list(Object o) {
        if (o == null) {
            return List.of();
        }
        if (o instanceof List<?> l) {
            return l;
        }
        throw new FoldException("expected a list, got " + o);
    }
}
