package dev.conform.checker.mutate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Operators on messages and their handlers: generic over every trace (message ids, kinds). */
final class MessageOperators {
    private MessageOperators() {
    }

    private static List<Integer> where(Trace t, java.util.function.IntPredicate p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (p.test(i)) {
                out.add(i);
            }
        }
        return out;
    }

    /** A sent-once, delivered-once, never duplicated message: no copy is left to deliver again. */
    private static boolean single(Trace t, int i) {
        long id = t.msgId(i);
        return t.count(id, "send") == 1 && t.count(id, "deliver") == 1 && t.count(id, "duplicate") == 0
                && t.kind(t.eventsOf(id).get(0)).equals("send");
    }

    /** A delivery names an id no event ever sent. */
    static final MutationOperator DELIVER_UNSENT = new MutationOperator() {
        public String name() {
            return "deliver-unsent";
        }

        public String why() {
            return "a delivery of a message id that was never sent";
        }

        public List<Integer> sites(Trace t) {
            return where(t, i -> t.kind(i).equals("deliver"));
        }

        public Mutant apply(Trace t, int site, int index) {
            TraceDoc d = t.doc().copy();
            long fresh = t.freshId();
            ((ObjectNode) d.events().get(site).get("msg")).put("id", fresh);
            return new Mutant(name(), index, TraceDoc.line(site), "event " + (site + 1) + " delivers message "
                    + fresh + " (was " + t.msgId(site) + "), which no event sends", d);
        }
    };

    /** The only send of a delivered message moves to just after its delivery. */
    static final MutationOperator DELIVER_BEFORE_SEND = new MutationOperator() {
        public String name() {
            return "deliver-before-send";
        }

        public String why() {
            return "a message delivered before its only send";
        }

        public List<Integer> sites(Trace t) {
            return where(t, i -> t.kind(i).equals("deliver") && t.count(t.msgId(i), "send") == 1
                    && t.kind(t.eventsOf(t.msgId(i)).get(0)).equals("send"));
        }

        public Mutant apply(Trace t, int site, int index) {
            TraceDoc d = t.doc().copy();
            int send = t.eventsOf(t.msgId(site)).get(0);
            Edits.moveAfter(d.events(), send, site);
            return new Mutant(name(), index, TraceDoc.line(site - 1), "message " + t.msgId(site)
                    + " is delivered (line " + TraceDoc.line(site - 1) + ") before it is sent (line "
                    + TraceDoc.line(site) + ")", d);
        }
    };

    /** A second delivery (and handling) of a message that has one copy only. */
    static final MutationOperator DUPLICATE_DELIVERY = new MutationOperator() {
        public String name() {
            return "duplicate-delivery";
        }

        public String why() {
            return "a second delivery of a message the network never duplicated (no duplicate event)";
        }

        public List<Integer> sites(Trace t) {
            return where(t, i -> t.kind(i).equals("deliver") && single(t, i));
        }

        public Mutant apply(Trace t, int site, int index) {
            TraceDoc d = t.doc().copy();
            List<Integer> run = t.run(site);
            int at = (run.isEmpty() ? site : run.get(run.size() - 1)) + 1;
            List<ObjectNode> copies = new ArrayList<>();
            copies.add(t.event(site).deepCopy());
            for (int j : t.runActions(site)) {
                copies.add(t.event(j).deepCopy());
            }
            d.events().addAll(at, copies);
            return new Mutant(name(), index, TraceDoc.line(at), "message " + t.msgId(site)
                    + " (sent once, never duplicated) is delivered again at line " + TraceDoc.line(at), d);
        }
    };

    /** Every action after a handled delivery goes: nothing consumes it. */
    static final MutationOperator DROP_HANDLER = new MutationOperator() {
        public String name() {
            return "drop-handler";
        }

        public String why() {
            return "a delivery that no handler consumes (its handler events removed)";
        }

        public List<Integer> sites(Trace t) {
            return where(t, i -> t.handled(i) && !t.byzantineAt(i));
        }

        public Mutant apply(Trace t, int site, int index) {
            TraceDoc d = t.doc().copy();
            List<Integer> acts = t.runActions(site);
            for (int k = acts.size() - 1; k >= 0; k--) {
                d.events().remove((int) acts.get(k));
            }
            return new Mutant(name(), index, TraceDoc.line(site), "the delivery of message " + t.msgId(site)
                    + " at line " + TraceDoc.line(site) + " lost its handler events (" + acts.size() + ")", d);
        }
    };

    /** The handler events of a delivery, twice: two handlers for one delivery. */
    static final MutationOperator DUPLICATE_HANDLER = new MutationOperator() {
        public String name() {
            return "duplicate-handler";
        }

        public String why() {
            return "two handlers for one delivery (its handler events repeated)";
        }

        public List<Integer> sites(Trace t) {
            return where(t, i -> t.handled(i) && !t.byzantineAt(i));
        }

        public Mutant apply(Trace t, int site, int index) {
            TraceDoc d = t.doc().copy();
            List<Integer> acts = t.runActions(site);
            int at = acts.get(acts.size() - 1) + 1;
            List<ObjectNode> copies = new ArrayList<>();
            for (int j : acts) {
                copies.add(t.event(j).deepCopy());
            }
            d.events().addAll(at, copies);
            return new Mutant(name(), index, TraceDoc.line(at), "the handler events of the delivery at line "
                    + TraceDoc.line(site) + " repeated at line " + TraceDoc.line(at), d);
        }
    };
}
