package dev.conform.checker.invariants.crdt;

import java.util.HashMap;
import java.util.Map;

/** What the CRDT invariants look at, folded from a {@code crdt} trace. */
public final class CrdtTraceState {
    /** Last CRDT value each node recorded. */
    final Map<Integer, Map<String, Object>> last = new HashMap<>();
    /** The event just folded moved its node down the lattice. */
    boolean regressed;
    /** The event just folded is a write absorbed at birth although it follows its predecessor. */
    boolean lostWrite;
    /** Merges recorded so far. */
    long merges;
    /** Description of the last offending event, for reports. */
    String note = "";

    @Override
    public String toString() {
        return "nodes=" + last.keySet() + " merges=" + merges + (note.isEmpty() ? "" : " " + note);
    }
}
