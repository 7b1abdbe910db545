package dev.conform.checker.mutate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Operators on recorded states and client replies, through the algorithm's table. */
final class StateOperators {
    private StateOperators() {
    }

    /** Sites are event * SPREAD + the number of a field place in the event's state. */
    private static final int SPREAD = 64;

    private static List<FieldRule.Place> places(Trace t, JsonNode state) {
        List<FieldRule.Place> out = new ArrayList<>();
        for (FieldRule r : t.table().fields()) {
            out.addAll(r.places(state));
        }
        return out.size() > SPREAD ? out.subList(0, SPREAD) : out;
    }

    private static List<FieldRule> rules(Trace t, JsonNode state) {
        List<FieldRule> out = new ArrayList<>();
        for (FieldRule r : t.table().fields()) {
            for (int k = 0; k < r.places(state).size(); k++) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The event that records a handler's state for delivery i: the first action of a handled
     * delivery, or the delivery itself when it is the receipt and carries a state (-1: none).
     */
    static int handlerEvent(Trace t, int i) {
        if (t.handled(i)) {
            return t.runActions(i).get(0);
        }
        if (t.kind(i).equals("deliver") && t.event(i).has("state")) {
            return i;
        }
        return -1;
    }

    private static void addSites(Trace t, int e, List<Integer> out) {
        int n = places(t, t.event(e).get("state")).size();
        for (int k = 0; k < n; k++) {
            out.add(e * SPREAD + k);
        }
    }

    /**
     * A modelled field of a handler's recorded state changed. A handler's new state is a
     * function of the node's state before it and the message, both fixed by the unchanged events
     * above, so any other value is impossible; the table's changes also pick values no run
     * produces (terms 1000 higher, nodes outside the header).
     */
    static final MutationOperator STATE_FIELD = new MutationOperator() {
        public String name() {
            return "state-field";
        }

        public String why() {
            return "a handler's recorded state with a modelled field (term, vote, value, decision) changed";
        }

        public List<Integer> sites(Trace t) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                if (t.kind(i).equals("deliver")) {
                    int h = handlerEvent(t, i);
                    if (h >= 0 && t.event(h).has("state") && !t.byzantineAt(h)) {
                        addSites(t, h, out);
                    }
                }
            }
            return out;
        }

        public Mutant apply(Trace t, int site, int index) {
            int e = site / SPREAD;
            TraceDoc d = t.doc().copy();
            JsonNode state = d.events().get(e).get("state");
            FieldRule.Place p = places(t, state).get(site % SPREAD);
            FieldRule r = rules(t, state).get(site % SPREAD);
            String what = r.change(p, t.phantomNode());
            return new Mutant(name(), index, TraceDoc.line(e), "line " + TraceDoc.line(e) + " ("
                    + t.kind(e) + " " + t.action(e) + "): state " + r.path() + " changed, " + what, d);
        }
    };

    /** A modelled state field recorded with the wrong JSON type (a string where a number belongs, ...). */
    static final MutationOperator WRONG_TYPE = new MutationOperator() {
        public String name() {
            return "wrong-type";
        }

        public String why() {
            return "a modelled state field recorded with a JSON type it never has";
        }

        public List<Integer> sites(Trace t) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                if (t.event(i).has("state") && !t.kind(i).equals("fault") && !t.byzantineAt(i)) {
                    addSites(t, i, out);
                }
            }
            return out;
        }

        public Mutant apply(Trace t, int site, int index) {
            int e = site / SPREAD;
            TraceDoc d = t.doc().copy();
            FieldRule.Place p = places(t, d.events().get(e).get("state")).get(site % SPREAD);
            String what = FieldRule.wrongType(p);
            return new Mutant(name(), index, TraceDoc.line(e), "line " + TraceDoc.line(e) + ": " + what, d);
        }
    };

    /** The ClientRequest-like action (recording the appended request) whose request the reply at i answers, or -1. */
    private static int requestAction(Trace t, int reply) {
        AlgorithmTable.Reply r = t.table().reply();
        JsonNode m = t.event(reply).get("msg");
        JsonNode key = m.path("body").get(r.matchField());
        long server = m.path("from").asLong();
        long client = m.path("to").asLong();
        for (int i = reply - 1; i >= 0; i--) {
            JsonNode q = t.event(i).get("msg");
            if (t.kind(i).equals("deliver") && t.node(i) == server && q.path("type").asText().equals(r.requestType())
                    && q.path("from").asLong() == client && key != null && key.equals(q.path("body").get(r.matchField()))) {
                if (t.run(i).contains(reply)) {
                    return -1; // answered at once (e.g. from the session table): nothing to move
                }
                for (int a : t.runActions(i)) {
                    if (t.action(a).equals(r.requestAction()) && t.event(a).path("state").has(r.appendedField())) {
                        return a;
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    /**
     * The delivery whose run holds client action i (the reply that completed the client's
     * quorum), or -1 when the action follows no delivery.
     */
    private static int acceptDelivery(Trace t, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (t.node(j) == t.node(i) && Trace.startsStep(t.kind(j))) {
                return t.kind(j).equals("deliver") ? j : -1;
            }
        }
        return -1;
    }

    /**
     * A result claimed before the commit that justifies it: a server's success reply sent right
     * after its request was appended, or (algorithms whose clients wait for a quorum of replies,
     * table acceptAction) a client's acceptance taken just before the delivery of the reply that
     * completed its quorum, so with one matching reply too few.
     */
    static final MutationOperator REPLY_BEFORE_COMMIT = new MutationOperator() {
        public String name() {
            return "reply-before-commit";
        }

        public String why() {
            return "a result claimed before it could be committed: a success reply right after the request was"
                    + " appended, or a client accepting before the reply that completes its quorum";
        }

        public List<Integer> sites(Trace t) {
            List<Integer> out = new ArrayList<>();
            AlgorithmTable.Reply r = t.table().reply();
            String accept = t.table().acceptAction();
            for (int i = 0; i < t.size(); i++) {
                JsonNode m = t.event(i).get("msg");
                if (r != null && t.kind(i).equals("send") && !t.byzantineAt(i)
                        && m.path("type").asText().equals(r.replyType())
                        && m.path("body").path(r.successField()).asBoolean(false) && requestAction(t, i) >= 0) {
                    out.add(i);
                } else if (accept != null && t.kind(i).equals("action") && t.action(i).equals(accept)
                        && acceptDelivery(t, i) >= 0) {
                    out.add(i);
                }
            }
            return out;
        }

        public Mutant apply(Trace t, int site, int index) {
            TraceDoc d = t.doc().copy();
            if (t.kind(site).equals("action")) {
                int deliver = acceptDelivery(t, site);
                Edits.moveBefore(d.events(), site, deliver);
                return new Mutant(name(), index, TraceDoc.line(deliver), "the " + t.action(site) + " of line "
                        + TraceDoc.line(site) + " is taken at line " + TraceDoc.line(deliver)
                        + ", before the delivery of the reply that completed its quorum", d);
            }
            int a = requestAction(t, site);
            Edits.moveBefore(d.events(), site, a + 1);
            return new Mutant(name(), index, TraceDoc.line(a + 1), "the success reply of line " + TraceDoc.line(site)
                    + " is sent at line " + TraceDoc.line(a + 1) + ", right after its request was appended", d);
        }
    };
}
