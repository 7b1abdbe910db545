package dev.conform.checker.invariants.crdt;

import dev.conform.checker.invariants.FoldException;
import dev.conform.tracing.TraceHeader;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the trace header binds (TraceCrdt.tla's "The header"): the replicas (the header's servers),
 * and from {@code params.options} the CRDT kind ({@code type}), the clock mode ({@code clock}),
 * the key count ({@code keys}: keys {@code k0..} of a map, elements {@code e0..} of a set, the key
 * {@code register} of a register), the update budget per replica ({@code updates}) and the
 * gossip fanout ({@code fanout}).
 */
record CrdtParams(Set<Integer> nodes, String kind, boolean hlc, Set<String> keys, Set<String> elems,
                  long updates, long fanout) {
    static final Set<String> KINDS = Set.of("g-counter", "pn-counter", "lww-register", "lww-map", "or-set");

    /** The header's parameters; a missing or malformed one is a {@link FoldException}. */
    static CrdtParams of(TraceHeader h) {
        Map<String, Object> params = h.params() == null ? Map.of() : h.params();
        Map<String, Object> opts = Json.obj(params.get("options"), "header params.options");
        String kind = Json.str(opts.get("type"), "header params.options.type");
        if (!KINDS.contains(kind)) {
            throw new FoldException("header params.options.type: unknown CRDT type '" + kind + "'");
        }
        String clock = Json.str(opts.get("clock"), "header params.options.clock");
        if (!clock.equals("hlc") && !clock.equals("physical")) {
            throw new FoldException("header params.options.clock: unknown clock mode '" + clock + "'");
        }
        long keys = decimal(opts, "keys");
        long updates = decimal(opts, "updates");
        long fanout = decimal(opts, "fanout");
        if (keys < 1 || fanout < 1) {
            throw new FoldException("header params.options: keys and fanout must be at least 1");
        }
        List<Integer> servers = h.servers();
        if (servers.isEmpty()) {
            throw new FoldException("the header names no replica (server)");
        }
        Set<String> keySet = new LinkedHashSet<>();
        Set<String> elemSet = new LinkedHashSet<>();
        for (long i = 0; i < keys; i++) {
            if (kind.equals("lww-map")) {
                keySet.add("k" + i);
            }
            if (kind.equals("or-set")) {
                elemSet.add("e" + i);
            }
        }
        if (kind.equals("lww-register")) {
            keySet.add("register");
        }
        return new CrdtParams(new TreeSet<>(servers), kind, clock.equals("hlc"), Set.copyOf(keySet),
                Set.copyOf(elemSet), updates, fanout);
    }

    /** An option holding a decimal number (as the schema's "decimal": 1 to 6 digits). */
    private static long decimal(Map<String, Object> opts, String name) {
        String s = String.valueOf(opts.get(name));
        if (!s.matches("0|[1-9][0-9]{0,5}")) {
            throw new FoldException("header params.options." + name + " must be a decimal number, got " + opts.get(name));
        }
        return Long.parseLong(s);
    }

    /** Peers one gossip round pushes to. */
    long roundSize() {
        return Math.min(fanout, nodes.size() - 1L);
    }

    /** The client update actions of the kind. */
    Set<String> updateActions() {
        return switch (kind) {
            case "g-counter" -> Set.of("Increment");
            case "pn-counter" -> Set.of("Increment", "Decrement");
            case "lww-register" -> Set.of("Assign");
            case "lww-map" -> Set.of("Put");
            default -> Set.of("Add", "Remove");
        };
    }
}
