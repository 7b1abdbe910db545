package dev.conform.checker.invariants.crdt;

import java.util.Map;
import java.util.Objects;

/**
 * The lattice order of the CRDT values in {@code crdt} traces, read from their JSON form
 * ({@code {"crdt":"g-counter","counts":{...}}} and so on), so the checker can judge traces
 * without the implementation's classes. Unknown kinds are reported, never passed.
 */
final class JsonLattice {
    private JsonLattice() {
    }

    /** True when value {@code a} is below or equal to {@code b}. */
    static boolean leq(Map<String, Object> a, Map<String, Object> b) {
        String kind = String.valueOf(a.get("crdt"));
        if (!kind.equals(String.valueOf(b.get("crdt")))) {
            throw new IllegalArgumentException("CRDT kind changed from " + kind + " to " + b.get("crdt"));
        }
        return switch (kind) {
            case "g-counter" -> countsLeq(map(a.get("counts")), map(b.get("counts")));
            case "pn-counter" -> countsLeq(map(map(a.get("inc")).get("counts")), map(map(b.get("inc")).get("counts")))
                && countsLeq(map(map(a.get("dec")).get("counts")), map(map(b.get("dec")).get("counts")));
            case "lww-register" -> registerLeq(a, b);
            case "lww-map" -> lwwMapLeq(map(a.get("entries")), map(b.get("entries")));
            case "or-set" -> orSetLeq(a, b);
            default -> throw new IllegalArgumentException("unknown CRDT kind '" + kind + "'");
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (o == null) {
            return Map.of();
        }
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        if (o instanceof java.util.List<?> l && l.isEmpty()) {
            return Map.of(); // an empty object may come back as an empty sequence
        }
        throw new IllegalArgumentException("expected a JSON object, got " + o);
    }

    static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static boolean countsLeq(Map<String, Object> a, Map<String, Object> b) {
        for (Map.Entry<String, Object> e : a.entrySet()) {
            if (num(e.getValue()) > num(b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Compares timestamps (wall, logical, node); 0 when equal. */
    static int compareTs(Map<String, Object> x, Map<String, Object> y) {
        for (String f : new String[] {"wall", "logical", "node"}) {
            int c = Long.compare(num(x.get(f)), num(y.get(f)));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static boolean registerLeq(Map<String, Object> a, Map<String, Object> b) {
        int c = compareTs(map(a.get("ts")), map(b.get("ts")));
        if (c != 0) {
            return c < 0;
        }
        Object va = a.get("value");
        Object vb = b.get("value");
        if (va == null || Objects.equals(va, vb)) {
            return true;
        }
        return vb != null && String.valueOf(va).compareTo(String.valueOf(vb)) <= 0;
    }

    private static boolean lwwMapLeq(Map<String, Object> a, Map<String, Object> b) {
        for (Map.Entry<String, Object> e : a.entrySet()) {
            Object other = b.get(e.getKey());
            if (other == null || !registerLeq(map(e.getValue()), map(other))) {
                return false;
            }
        }
        return true;
    }

    private static boolean orSetLeq(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> ca = map(a.get("context"));
        if (!countsLeq(ca, map(b.get("context")))) {
            return false;
        }
        Map<String, Object> ea = map(a.get("entries"));
        for (Map.Entry<String, Object> e : map(b.get("entries")).entrySet()) {
            java.util.List<?> mine = ea.get(e.getKey()) instanceof java.util.List<?> l ? l : java.util.List.of();
            for (Object d : (java.util.List<?>) e.getValue()) {
                Map<String, Object> dot = map(d);
                boolean seen = num(dot.get("counter")) <= num(ca.get(String.valueOf(num(dot.get("node")))));
                if (seen && !containsDot(mine, dot)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean containsDot(java.util.List<?> dots, Map<String, Object> dot) {
        for (Object o : dots) {
            Map<String, Object> d = map(o);
            if (num(d.get("node")) == num(dot.get("node")) && num(d.get("counter")) == num(dot.get("counter"))) {
                return true;
            }
        }
        return false;
    }
}
