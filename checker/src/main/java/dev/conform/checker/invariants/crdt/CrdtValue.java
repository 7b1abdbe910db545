package dev.conform.checker.invariants.crdt;

import dev.conform.checker.invariants.FoldException;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A CRDT value of any kind in CrdtLattice.tla's one shape: {@code inc}, {@code dec} (counters),
 * {@code regs} (registers by key), {@code dots} and {@code ctx} (or-set); a kind leaves the
 * components it does not use at their bottom. Decoded from the recorded JSON against the header's
 * replicas, keys and elements (ValueOk / ValueOf of TraceCrdt.tla).
 */
record CrdtValue(Map<Integer, Long> inc, Map<Integer, Long> dec, Map<String, Reg> regs,
                 Map<String, Set<Dot>> dots, Map<Integer, Long> ctx) {

    /** A register: its value (null: never written) and the winning write's timestamp. */
    record Reg(String v, Ts ts) {
        static final Reg EMPTY = new Reg(null, Ts.ZERO);
    }

    /** An or-set add: the {@code counter}-th add of replica {@code node}. */
    record Dot(long node, long counter) implements Comparable<Dot> {
        @Override
        public int compareTo(Dot o) {
            int c = Long.compare(node, o.node);
            return c != 0 ? c : Long.compare(counter, o.counter);
        }
    }

    static CrdtValue bottom(CrdtParams p) {
        Map<String, Reg> regs = new TreeMap<>();
        p.keys().forEach(k -> regs.put(k, Reg.EMPTY));
        Map<String, Set<Dot>> dots = new TreeMap<>();
        p.elems().forEach(e -> dots.put(e, Set.of()));
        return new CrdtValue(zeros(p), zeros(p), regs, dots, zeros(p));
    }

    private static Map<Integer, Long> zeros(CrdtParams p) {
        Map<Integer, Long> z = new TreeMap<>();
        p.nodes().forEach(n -> z.put(n, 0L));
        return z;
    }

    /** An object keyed by replica id naming no replica outside the header (ByReplicaOk, ByReplica). */
    static Map<Integer, Long> byReplica(CrdtParams p, Object json, String what) {
        Map<String, Object> o = Json.obj(json, what);
        Map<Integer, Long> out = zeros(p);
        for (Map.Entry<String, Object> e : o.entrySet()) {
            Integer n = replica(p, e.getKey());
            if (n == null) {
                throw new FoldException(what + " names replica " + e.getKey() + ", not a replica of the header "
                        + p.nodes());
            }
            out.put(n, Json.nat(e.getValue(), what + "." + e.getKey()));
        }
        return out;
    }

    private static Integer replica(CrdtParams p, String name) {
        for (int n : p.nodes()) {
            if (String.valueOf(n).equals(name)) {
                return n;
            }
        }
        return null;
    }

    /** The recorded value {@code json}, of the header's kind (ValueOk, ValueOf). */
    static CrdtValue decode(CrdtParams p, Object json, String what) {
        Map<String, Object> c = Json.obj(json, what);
        Object kind = c.get("crdt");
        if (!p.kind().equals(kind)) {
            throw new FoldException(what + " is a " + kind + ", the header's type is " + p.kind());
        }
        CrdtValue b = bottom(p);
        return switch (p.kind()) {
            case "g-counter" -> new CrdtValue(byReplica(p, c.get("counts"), what + ".counts"), b.dec, b.regs, b.dots, b.ctx);
            case "pn-counter" -> new CrdtValue(
                    byReplica(p, Json.obj(c, "inc", what).get("counts"), what + ".inc.counts"),
                    byReplica(p, Json.obj(c, "dec", what).get("counts"), what + ".dec.counts"), b.regs, b.dots, b.ctx);
            case "lww-register" -> new CrdtValue(b.inc, b.dec, Map.of("register", reg(c, what)), b.dots, b.ctx);
            case "lww-map" -> {
                Map<String, Reg> regs = new TreeMap<>(b.regs);
                for (Map.Entry<String, Object> e : Json.obj(c, "entries", what).entrySet()) {
                    if (!p.keys().contains(e.getKey())) {
                        throw new FoldException(what + " holds key " + e.getKey() + ", not one of the header's keys " + p.keys());
                    }
                    regs.put(e.getKey(), reg(Json.obj(e.getValue(), what + "." + e.getKey()), what + "." + e.getKey()));
                }
                yield new CrdtValue(b.inc, b.dec, regs, b.dots, b.ctx);
            }
            default -> {
                Map<String, Set<Dot>> dots = new TreeMap<>(b.dots);
                for (Map.Entry<String, Object> e : Json.obj(c, "entries", what).entrySet()) {
                    if (!p.elems().contains(e.getKey())) {
                        throw new FoldException(what + " holds element " + e.getKey() + ", not one of the header's elements " + p.elems());
                    }
                    Set<Dot> ds = new TreeSet<>();
                    for (Object d : Json.arr(e.getValue(), what + "." + e.getKey())) {
                        Map<String, Object> dot = Json.obj(d, what + "." + e.getKey() + "[]");
                        long node = Json.nat(dot, "node", what);
                        if (replica(p, String.valueOf(node)) == null) {
                            throw new FoldException(what + " holds an add of replica " + node + ", not a replica of the header");
                        }
                        ds.add(new Dot(node, Json.nat(dot, "counter", what)));
                    }
                    dots.put(e.getKey(), Set.copyOf(ds));
                }
                yield new CrdtValue(b.inc, b.dec, b.regs, dots, byReplica(p, c.get("context"), what + ".context"));
            }
        };
    }

    private static Reg reg(Map<String, Object> r, String what) {
        Object v = r.get("value");
        return new Reg(v == null ? null : Json.str(v, what + ".value"), Ts.of(r.get("ts"), what + ".ts"));
    }

    /** {@code z} is the join of registers {@code x} and {@code y} (RegJoinOk: a tie of timestamps allows either). */
    static boolean regJoinOk(Reg x, Reg y, Reg z) {
        int c = x.ts().compareTo(y.ts());
        if (c > 0) {
            return z.equals(x);
        }
        if (c < 0) {
            return z.equals(y);
        }
        if (x.v() == null) {
            return z.equals(y);
        }
        if (y.v() == null) {
            return z.equals(x);
        }
        return z.equals(x) || z.equals(y);
    }

    private static Map<Integer, Long> max(Map<Integer, Long> a, Map<Integer, Long> b) {
        Map<Integer, Long> out = new TreeMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Math::max));
        return out;
    }

    private static boolean covers(Map<Integer, Long> ctx, Dot d) {
        return d.counter() <= ctx.getOrDefault((int) d.node(), 0L);
    }

    /** {@code r} is the join of {@code a} and {@code b} (JoinOk). */
    static boolean joinOk(CrdtValue a, CrdtValue b, CrdtValue r) {
        if (!r.inc.equals(max(a.inc, b.inc)) || !r.dec.equals(max(a.dec, b.dec)) || !r.ctx.equals(max(a.ctx, b.ctx))) {
            return false;
        }
        for (String k : a.regs.keySet()) {
            if (!regJoinOk(a.regs.get(k), b.regs.get(k), r.regs.get(k))) {
                return false;
            }
        }
        for (String e : a.dots.keySet()) {
            Set<Dot> mine = a.dots.get(e);
            Set<Dot> theirs = b.dots.get(e);
            Set<Dot> kept = new HashSet<>();
            for (Dot d : mine) {
                if (theirs.contains(d) || !covers(b.ctx, d)) {
                    kept.add(d);
                }
            }
            for (Dot d : theirs) {
                if (mine.contains(d) || !covers(a.ctx, d)) {
                    kept.add(d);
                }
            }
            if (!kept.equals(r.dots.get(e))) {
                return false;
            }
        }
        return true;
    }

    private static long sum(Map<Integer, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }

    /** What a client reading this value of kind {@code kind} sees (ReadOf). */
    Object read(String kind) {
        return switch (kind) {
            case "g-counter" -> sum(inc);
            case "pn-counter" -> sum(inc) - sum(dec);
            case "lww-register" -> regs.get("register").v();
            case "lww-map" -> {
                Map<String, String> live = new TreeMap<>();
                regs.forEach((k, r) -> {
                    if (r.v() != null) {
                        live.put(k, r.v());
                    }
                });
                yield live;
            }
            default -> {
                Set<String> present = new TreeSet<>();
                dots.forEach((e, ds) -> {
                    if (!ds.isEmpty()) {
                        present.add(e);
                    }
                });
                yield present;
            }
        };
    }

    /** Whether a recorded read {@code recorded} (plain JSON) is {@code expected} = read(kind) (ReadOk). */
    static boolean readMatches(String kind, Object recorded, Object expected) {
        return switch (kind) {
            case "g-counter", "pn-counter" -> (recorded instanceof Integer || recorded instanceof Long)
                    && ((Number) recorded).longValue() == (Long) expected;
            case "lww-register" -> Objects.equals(recorded, expected);
            case "lww-map" -> recorded instanceof Map<?, ?> m && m.equals(expected);
            default -> recorded instanceof List<?> l && l.size() == ((Set<?>) expected).size()
                    && new HashSet<>(l).equals(expected);
        };
    }

    /** Every timestamp the value holds (StampsOf). */
    Set<Ts> stamps() {
        Set<Ts> out = new HashSet<>();
        regs.values().forEach(r -> out.add(r.ts()));
        return out;
    }
}
