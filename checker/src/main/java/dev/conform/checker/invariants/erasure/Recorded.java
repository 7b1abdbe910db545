package dev.conform.checker.invariants.erasure;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.JsonObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the recorded values of {@code erasure} traces (states, message bodies), rejecting malformed ones. */
final class Recorded {
    private Recorded() {
    }

    /** A JSON object of integers ({@code {key: int}}) as a sorted map; absent is empty. */
    static Map<String, Long> longs(Object o, String what) {
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, Object> e : JsonObjects.asMap(o, what).entrySet()) {
            if (!(e.getValue() instanceof Number n)) {
                throw new FoldException(what + " maps " + e.getKey() + " to " + e.getValue() + ", not an integer");
            }
            out.put(e.getKey(), n.longValue());
        }
        return out;
    }

    /** {@code {key: {"<version>": {"data": hex, "length": int}}}} as key -> version -> shard. */
    static Map<String, TreeMap<Long, ErasureTraceState.Held>> shards(Object o) {
        Map<String, TreeMap<Long, ErasureTraceState.Held>> out = new TreeMap<>();
        for (Map.Entry<String, Object> k : JsonObjects.asMap(o, "shards").entrySet()) {
            TreeMap<Long, ErasureTraceState.Held> byVersion = new TreeMap<>();
            for (Map.Entry<String, Object> v : JsonObjects.asMap(k.getValue(), "shards of " + k.getKey()).entrySet()) {
                Map<String, Object> shard = JsonObjects.asMap(v.getValue(), "a shard of " + k.getKey());
                long version;
                try {
                    version = Long.parseLong(v.getKey());
                } catch (NumberFormatException x) {
                    throw new FoldException("shards of " + k.getKey() + " name version '" + v.getKey() + "', not a number");
                }
                byVersion.put(version, new ErasureTraceState.Held(text(shard, "data"), number(shard, "length")));
            }
            if (!byVersion.isEmpty()) {
                out.put(k.getKey(), byVersion);
            }
        }
        return out;
    }

    /** {@code {key: [version, ...]}} as key -> versions, keys with none left out. */
    static Map<String, java.util.TreeSet<Long>> pending(Object o) {
        Map<String, java.util.TreeSet<Long>> out = new TreeMap<>();
        for (Map.Entry<String, Object> k : JsonObjects.asMap(o, "pending").entrySet()) {
            if (!(k.getValue() instanceof List<?> list)) {
                throw new FoldException("pending maps " + k.getKey() + " to " + k.getValue() + ", not a list of versions");
            }
            java.util.TreeSet<Long> versions = new java.util.TreeSet<>();
            for (Object v : list) {
                if (!(v instanceof Number n)) {
                    throw new FoldException("pending of " + k.getKey() + " holds " + v + ", not a version");
                }
                versions.add(n.longValue());
            }
            if (!versions.isEmpty()) {
                out.put(k.getKey(), versions);
            }
        }
        return out;
    }

    /** The "used" pairs [index, version] of a decode. */
    static List<long[]> used(Object o, String action) {
        if (!(o instanceof List<?> list)) {
            throw new FoldException(action + " records no \"used\" list of [index, version] pairs");
        }
        List<long[]> out = new ArrayList<>();
        for (Object p : list) {
            if (!(p instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof Number i)
                    || !(pair.get(1) instanceof Number v)) {
                throw new FoldException(action + " records a used shard " + p + ", not [index, version]");
            }
            out.add(new long[] {i.longValue(), v.longValue()});
        }
        return out;
    }

    static long number(Map<String, Object> m, String field) {
        if (m.get(field) instanceof Number n) {
            return n.longValue();
        }
        throw new FoldException((m.isEmpty() ? "no delivered message" : m.get("type") + " " + m) + " has no integer "
                + field);
    }

    static String text(Map<String, Object> m, String field) {
        if (m.get(field) instanceof String t) {
            return t;
        }
        throw new FoldException((m.isEmpty() ? "no delivered message" : m.get("type") + " " + m) + " has no text "
                + field);
    }

    /** The tokens of a delivered ClientRequest's op, which must be {@code verb} (put K V: 3 tokens, get K: 2). */
    static String[] command(Map<String, Object> in, String verb) {
        String op = "ClientRequest".equals(in.get("type")) && in.get("op") instanceof String t ? t.trim() : null;
        String[] w = op == null ? new String[0] : op.split(" +");
        int size = "put".equals(verb) ? 3 : 2;
        if (w.length != size || !w[0].equals(verb)) {
            throw new FoldException("the coordinator handles " + (op == null ? "no delivered ClientRequest" : "'" + op + "'")
                    + " as a " + verb);
        }
        return w;
    }
}
