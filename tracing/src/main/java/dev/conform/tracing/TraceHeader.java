package dev.conform.tracing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first line of every trace.
 *
 * @param schemaVersion trace format version (see docs/trace-format.md)
 * @param algorithm     algorithm name, e.g. {@code raft}
 * @param nodes         the node ids taking part
 * @param seed          the seed of the run, when the producer was seeded (else null)
 * @param faultPlan     the fault plan as JSON-compatible data, or null
 * @param producer      who wrote the trace, e.g. {@code conform-sim 0.1.0}
 * @param params        other run parameters (flaw, budget, network semantics...), may be empty
 * @param roles         role name to the nodes that have it (e.g. {@code server}, {@code client}), in
 *                      writing order; every node has exactly one role. Null means "every node is a
 *                      {@value #SERVER}" (traces written before roles existed).
 */
public record TraceHeader(int schemaVersion, String algorithm, List<Integer> nodes, Long seed,
                          Object faultPlan, String producer, Map<String, Object> params,
                          Map<String, List<Integer>> roles) {
    public static final int SCHEMA_VERSION = 1;
    /** The role of the nodes that run the algorithm. */
    public static final String SERVER = "server";
    /** The role of the nodes that only drive servers with requests and read their replies. */
    public static final String CLIENT = "client";

    public TraceHeader {
        if (roles != null) {
            Map<String, List<Integer>> copy = new LinkedHashMap<>();
            roles.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            roles = Collections.unmodifiableMap(copy);
        }
    }

    /** A header without roles: every node is a server. */
    public TraceHeader(int schemaVersion, String algorithm, List<Integer> nodes, Long seed,
                       Object faultPlan, String producer, Map<String, Object> params) {
        this(schemaVersion, algorithm, nodes, seed, faultPlan, producer, params, null);
    }

    /** The roles of a cluster of servers and clients; clients are left out when there are none. */
    public static Map<String, List<Integer>> serversAndClients(List<Integer> servers, List<Integer> clients) {
        return withClients(Map.of(SERVER, servers), clients);
    }

    /**
     * The roles of a cluster whose servers have the roles {@code serverRoles} (e.g. {@code
     * {"coordinator": [1], "participant": [2, 3]}}), in its iteration order, followed by {@value
     * #CLIENT} for {@code clients} (left out when there are none).
     */
    public static Map<String, List<Integer>> withClients(Map<String, List<Integer>> serverRoles, List<Integer> clients) {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        serverRoles.forEach((k, v) -> m.put(k, List.copyOf(v)));
        if (!clients.isEmpty()) {
            m.put(CLIENT, List.copyOf(clients));
        }
        return m;
    }

    /** The nodes with {@code role}, in header order (empty when none has it). */
    public List<Integer> withRole(String role) {
        if (roles == null) {
            return SERVER.equals(role) && nodes != null ? nodes : List.of();
        }
        return roles.getOrDefault(role, List.of());
    }

    /**
     * The nodes that run the algorithm, in {@code nodes} order: every node whose role is not
     * {@value #CLIENT} (an algorithm may name kinds of servers, e.g. {@code coordinator} and
     * {@code participant}).
     */
    public List<Integer> servers() {
        if (roles == null) {
            return nodes == null ? List.of() : nodes;
        }
        List<Integer> clients = clients();
        List<Integer> out = new ArrayList<>();
        for (int n : nodes) {
            if (!clients.contains(n)) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    public List<Integer> clients() {
        return withRole(CLIENT);
    }

    /** The role of {@code node}, or null when the header does not list it. */
    public String roleOf(int node) {
        if (nodes == null || !nodes.contains(node)) {
            return null;
        }
        if (roles == null) {
            return SERVER;
        }
        for (Map.Entry<String, List<Integer>> r : roles.entrySet()) {
            if (r.getValue().contains(node)) {
                return r.getKey();
            }
        }
        return null;
    }

    /**
     * Checks the fields a reader requires: algorithm, nodes and producer, and that roles, when
     * given, give every node exactly one role and name no other node.
     *
     * @return this header
     * @throws IllegalArgumentException naming the missing field or the wrong role
     */
    public TraceHeader requireWellFormed() {
        if (algorithm == null || nodes == null || producer == null) {
            throw new IllegalArgumentException("trace header needs algorithm, nodes and producer: " + this);
        }
        String bad = rolesProblem(nodes, roles);
        if (bad != null) {
            throw new IllegalArgumentException("trace header: " + bad);
        }
        return this;
    }

    /** Why {@code roles} do not give every one of {@code nodes} exactly one role, or null when they do. */
    public static String rolesProblem(List<Integer> nodes, Map<String, List<Integer>> roles) {
        if (roles == null) {
            return null;
        }
        List<Integer> seen = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> r : roles.entrySet()) {
            if (r.getKey().isEmpty()) {
                return "a role needs a name";
            }
            for (int n : r.getValue()) {
                if (!nodes.contains(n)) {
                    return "role \"" + r.getKey() + "\" names node " + n + ", which is not in \"nodes\"";
                }
                if (seen.contains(n)) {
                    return "node " + n + " has two roles";
                }
                seen.add(n);
            }
        }
        for (int n : nodes) {
            if (!seen.contains(n)) {
                return "node " + n + " has no role";
            }
        }
        return null;
    }
}
