package dev.conform.checker.mutate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Operators on what the header binds: nodes, algorithm, network, fault plan, parameters. */
final class HeaderOperators {
    private HeaderOperators() {
    }

    /** A message sent to a node the header does not list. */
    static final MutationOperator PHANTOM_NODE = new MutationOperator() {
        public String name() {
            return "phantom-node";
        }

        public String why() {
            return "a message sent to a node that is not in the header";
        }

        public List<Integer> sites(Trace t) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                if (t.kind(i).equals("send")) {
                    out.add(i);
                }
            }
            return out;
        }

        public Mutant apply(Trace t, int site, int index) {
            TraceDoc d = t.doc().copy();
            long phantom = t.phantomNode();
            long fresh = t.freshId();
            ObjectNode m = (ObjectNode) d.events().get(site).get("msg");
            m.put("to", phantom);
            m.put("id", fresh);
            return new Mutant(name(), index, TraceDoc.line(site), "line " + TraceDoc.line(site)
                    + " sends to node " + phantom + ", which the header does not list", d);
        }
    };

    /** The header names another algorithm than the one whose events the trace records. */
    static final MutationOperator OTHER_ALGORITHM = new MutationOperator() {
        public String name() {
            return "other-algorithm";
        }

        public String why() {
            return "the header names another algorithm than the one recorded";
        }

        public List<Integer> sites(Trace t) {
            List<Integer> out = new ArrayList<>();
            for (int k = 0; k < AlgorithmTable.ALGORITHMS.size(); k++) {
                if (!AlgorithmTable.ALGORITHMS.get(k).equals(t.doc().algorithm())) {
                    out.add(k);
                }
            }
            return out;
        }

        public Mutant apply(Trace t, int site, int index) {
            TraceDoc d = t.doc().copy();
            String other = AlgorithmTable.ALGORITHMS.get(site);
            d.header().put("algorithm", other);
            return new Mutant(name(), index, 1, "the header says algorithm '" + other + "' for a trace of '"
                    + t.doc().algorithm() + "'", d);
        }
    };

    /** An unreliable network that duplicated messages, declared reliable (a reliable network never duplicates). */
    static final MutationOperator RELIABLE_NETWORK = new MutationOperator() {
        public String name() {
            return "reliable-network";
        }

        public String why() {
            return "a trace with duplicate events under a header that declares a reliable network";
        }

        public List<Integer> sites(Trace t) {
            if (!t.params().path("net").asText("reliable").equals("unreliable")) {
                return List.of();
            }
            for (int i = 0; i < t.size(); i++) {
                if (t.kind(i).equals("duplicate")) {
                    return List.of(i);
                }
            }
            return List.of();
        }

        public Mutant apply(Trace t, int site, int index) {
            TraceDoc d = t.doc().copy();
            ((ObjectNode) d.header().get("params")).put("net", "reliable");
            return new Mutant(name(), index, 1, "the header declares a reliable network, but line "
                    + TraceDoc.line(site) + " duplicates a message", d);
        }
    };

    /**
     * A real-network trace's transport flipped (udp to tcp, tcp or quic to udp). Site 0 flips only
     * {@code params.transport}, leaving a header whose transport contradicts its duplicate rate (an
     * inconsistent header, exit 2); site 1, on a UDP trace with a duplicate event, also sets the
     * duplicate rate TCP has (0), so the header is consistent and the duplicate is the lie.
     */
    static final MutationOperator OTHER_TRANSPORT = new MutationOperator() {
        public String name() {
            return "other-transport";
        }

        public String why() {
            return "a real-network trace's header names another transport than the one that carried it";
        }

        public List<Integer> sites(Trace t) {
            String transport = t.params().path("transport").asText("");
            if (!List.of("tcp", "udp", "quic").contains(transport)) {
                return List.of();
            }
            if (transport.equals("udp")) {
                for (int i = 0; i < t.size(); i++) {
                    if (t.kind(i).equals("duplicate")) {
                        return List.of(0, 1);
                    }
                }
            }
            return List.of(0);
        }

        public Mutant apply(Trace t, int site, int index) {
            TraceDoc d = t.doc().copy();
            ObjectNode params = (ObjectNode) d.header().get("params");
            String was = params.path("transport").asText();
            String now = was.equals("udp") ? "tcp" : "udp";
            params.put("transport", now);
            if (site == 0) {
                return new Mutant(name(), index, 1, "the header says transport '" + now + "' with the duplicate rate"
                        + " of '" + was + "' (" + params.path("duplicatePercent") + ")", d);
            }
            params.put("duplicatePercent", 0);
            return new Mutant(name(), index, 1, "the header says transport 'tcp', which never duplicates, for a"
                    + " UDP trace with duplicate events", d);
        }
    };

    /** Whether plan event p is what fault event i of the trace was (a crash or restart of its node, or its fault). */
    private static boolean planned(Trace t, int i, JsonNode p) {
        String k = t.kind(i);
        if (k.equals("fault")) {
            return p.equals(t.event(i).get("state"));
        }
        return p.path("type").asText().equals(k) && p.path("node").asLong() == t.node(i);
    }

    private static boolean allowedUnplanned(Trace t, String kind) {
        for (JsonNode u : t.doc().header().path("plan").path("unplanned")) {
            if (u.asText().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    /** A crash, restart or fault the trace records, taken out of the header's plan. */
    static final MutationOperator UNPLANNED_FAULT = new MutationOperator() {
        public String name() {
            return "unplanned-fault";
        }

        public String why() {
            return "a crash, restart or fault event the header's plan no longer allows";
        }

        public List<Integer> sites(Trace t) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                String k = t.kind(i);
                if ((k.equals("crash") || k.equals("restart") || k.equals("fault")) && !allowedUnplanned(t, k)
                        && t.doc().header().path("plan").path("events").isArray()) {
                    out.add(i);
                }
            }
            return out;
        }

        public Mutant apply(Trace t, int site, int index) {
            TraceDoc d = t.doc().copy();
            ArrayNode events = (ArrayNode) d.header().get("plan").get("events");
            int removed = 0;
            for (Iterator<JsonNode> it = events.elements(); it.hasNext(); ) {
                if (planned(t, site, it.next())) {
                    it.remove();
                    removed++;
                }
            }
            return new Mutant(name(), index, TraceDoc.line(site), "line " + TraceDoc.line(site) + " records a "
                    + t.kind(site) + " of node " + t.node(site) + " that the plan no longer has (" + removed
                    + " plan events removed)", d);
        }
    };

    /** A header parameter the recorded states reveal, given another value (the algorithm's table). */
    static final MutationOperator OTHER_PARAMETER = new MutationOperator() {
        public String name() {
            return "other-parameter";
        }

        public String why() {
            return "a header parameter (e.g. the CRDT type) other than the one the recorded states show";
        }

        public List<Integer> sites(Trace t) {
            List<Integer> out = new ArrayList<>();
            List<AlgorithmTable.Parameter> ps = t.table().parameters();
            for (int p = 0; p < ps.size(); p++) {
                JsonNode v = at(t.doc().header(), ps.get(p).path());
                if (v != null && v.isTextual() && ps.get(p).values().contains(v.asText())) {
                    for (int k = 0; k < ps.get(p).values().size(); k++) {
                        if (!ps.get(p).values().get(k).equals(v.asText())) {
                            out.add(p * 64 + k);
                        }
                    }
                }
            }
            return out;
        }

        public Mutant apply(Trace t, int site, int index) {
            TraceDoc d = t.doc().copy();
            AlgorithmTable.Parameter p = t.table().parameters().get(site / 64);
            String value = p.values().get(site % 64);
            String path = p.path();
            int dot = path.lastIndexOf('.');
            ObjectNode owner = (ObjectNode) at(d.header(), path.substring(0, dot));
            String old = owner.path(path.substring(dot + 1)).asText();
            owner.put(path.substring(dot + 1), value);
            return new Mutant(name(), index, 1, "header " + path + " says '" + value + "', the run was '" + old + "'", d);
        }
    };

    private static JsonNode at(JsonNode n, String path) {
        for (String part : path.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        return n;
    }
}
