package dev.conform.checker.mutate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Operators on crashes and restarts: generic over every trace (crash and restart events). */
final class NodeOperators {
    private NodeOperators() {
    }

    /** The last timer, else action, event of the node of crash {@code c} before it (-1: none). */
    private static int lastStep(Trace t, int c) {
        int action = -1;
        for (int j = c - 1; j >= 0; j--) {
            if (t.node(j) == t.node(c)) {
                if (t.kind(j).equals("timer")) {
                    return j;
                }
                if (action < 0 && t.kind(j).equals("action")) {
                    action = j;
                }
            }
        }
        return action;
    }

    /** A node takes a step (a timer or an action it took before) right after it crashed. */
    static final MutationOperator STEP_WHILE_DOWN = new MutationOperator() {
        public String name() {
            return "step-while-down";
        }

        public String why() {
            return "a crashed node takes a step (a timer or an action) before it restarts";
        }

        public List<Integer> sites(Trace t) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                if (t.kind(i).equals("crash") && lastStep(t, i) >= 0) {
                    out.add(i);
                }
            }
            return out;
        }

        public Mutant apply(Trace t, int site, int index) {
            TraceDoc d = t.doc().copy();
            int step = lastStep(t, site);
            ObjectNode copy = t.event(step).deepCopy();
            d.events().add(site + 1, copy);
            return new Mutant(name(), index, TraceDoc.line(site + 1), "node " + t.node(site) + " crashed at line "
                    + TraceDoc.line(site) + " and takes a " + t.kind(step) + " step '" + t.action(step)
                    + "' at line " + TraceDoc.line(site + 1) + " while down", d);
        }
    };

    /** A restart of a node that is up, just before one of its own events. */
    static final MutationOperator RESTART_WITHOUT_CRASH = new MutationOperator() {
        public String name() {
            return "restart-without-crash";
        }

        public String why() {
            return "a restart of a node that never crashed (it is up)";
        }

        public List<Integer> sites(Trace t) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                String k = t.kind(i);
                if (t.node(i) != 0 && !k.equals("crash") && !k.equals("restart") && !k.equals("fault")
                        && t.upBefore(t.node(i), i)) {
                    out.add(i);
                }
            }
            return out;
        }

        public Mutant apply(Trace t, int site, int index) {
            TraceDoc d = t.doc().copy();
            d.events().add(site, Edits.event(t.event(site), t.node(site), "restart"));
            return new Mutant(name(), index, TraceDoc.line(site), "node " + t.node(site)
                    + " restarts at line " + TraceDoc.line(site) + " while it is up", d);
        }
    };
}
