package dev.conform.cli.mbt;

import dev.conform.checker.mbt.MbtException;
import dev.conform.checker.value.TlaValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The step a spec state names: {@code mbtStep = [action, node, msg]}, and the steps the
 * implementation owes in the same handler ({@code mbtOwed}).
 *
 * @param msg the message the step consumed or lost, null when none ({@code type = "none"})
 */
public record MbtStep(String action, int node, TlaValue msg) {

    /** The step that led to {@code state}. */
    public static MbtStep of(Map<String, TlaValue> state) {
        return of(record(state, "mbtStep"));
    }

    /**
     * The steps owed in {@code state}, in order: {@code mbtOwed} is one {@code [action, node]}
     * ({@code action = "none"}: none) or a sequence of {@code [action, node, ...]}, each with an
     * optional {@code msg}.
     */
    public static List<MbtStep> owed(Map<String, TlaValue> state) {
        TlaValue v = state.get("mbtOwed");
        if (v instanceof TlaValue.Record r) {
            String a = string(r, "action");
            return a.equals("none") ? List.of() : List.of(of(r));
        }
        if (v instanceof TlaValue.Tuple t) {
            List<MbtStep> out = new ArrayList<>();
            for (TlaValue e : t.elements()) {
                if (!(e instanceof TlaValue.Record r)) {
                    throw new MbtException("an element of mbtOwed is not a record: " + e.toTla());
                }
                out.add(of(r));
            }
            return out;
        }
        throw new MbtException("the spec's states have no variable mbtOwed, a record or a sequence of records"
                + " (a module for model-based tests labels each step; see specs/twopc/MbtTwoPhase.tla)");
    }

    private static MbtStep of(TlaValue.Record r) {
        TlaValue msg = r.fields().get("msg");
        boolean none = msg == null
                || msg instanceof TlaValue.Record m && new TlaValue.Str("none").equals(m.fields().get("type"));
        return new MbtStep(string(r, "action"), integer(r, "node"), none ? null : msg);
    }

    private static TlaValue.Record record(Map<String, TlaValue> state, String var) {
        if (!(state.get(var) instanceof TlaValue.Record r)) {
            throw new MbtException("the spec's states have no record variable " + var
                    + " (a module for model-based tests labels each step; see specs/twopc/MbtTwoPhase.tla)");
        }
        return r;
    }

    static String string(TlaValue.Record r, String field) {
        if (!(r.fields().get(field) instanceof TlaValue.Str s)) {
            throw new MbtException("field " + field + " of " + r.toTla() + " is not a string");
        }
        return s.value();
    }

    static int integer(TlaValue.Record r, String field) {
        if (!(r.fields().get(field) instanceof TlaValue.Int i)) {
            throw new MbtException("field " + field + " of " + r.toTla() + " is not a node id");
        }
        return i.value().intValueExact();
    }

    @Override
    public String toString() {
        return action + " at node " + node + (msg == null ? "" : " consuming " + msg.toTla());
    }
}
