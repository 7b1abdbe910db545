package dev.conform.checker.linearizability;

import java.util.List;
import java.util.Map;

/**
 * Checks a client history for linearizability against a {@link Model}: the one entry point for
 * the CLI and for callers that build a {@link History} themselves (the gate, from a parsed trace).
 */
public final class Linearizability {
    private Linearizability() {
    }

    /**
     * Checks {@code history} against {@code model} within {@code budget}. Each key of a keyed
     * model is searched on its own ({@link Search}), starting from the absent value; the first
     * key that is not linearizable is shrunk to a minimal witness ({@link Witness}).
     *
     * @throws IllegalArgumentException when the history has an operation the model does not have,
     *                                  or names several keys for a single register
     */
    public static Result check(History history, Model model, Budget budget) {
        requireFits(history, model);
        Budget.Meter meter = budget.start();
        Map<String, List<Operation>> parts = history.partitions(model);
        int n = history.operations().size();
        for (Map.Entry<String, List<Operation>> p : parts.entrySet()) {
            String key = model.byKey() ? p.getKey() : null;
            Search.Outcome o = Search.run(p.getValue(), null, meter);
            if (o.verdict() == Verdict.UNKNOWN) {
                return new Result(Verdict.UNKNOWN, model, n, parts.size(), meter.states(), key, List.of(), false,
                    o.reason());
            }
            if (o.verdict() == Verdict.ILLEGAL) {
                Witness.Shrunk w = Witness.shrink(p.getValue(), null, meter);
                return new Result(Verdict.ILLEGAL, model, n, parts.size(), meter.states(), key, w.operations(),
                    w.minimal(), null);
            }
        }
        return new Result(Verdict.OK, model, n, parts.size(), meter.states(), null, List.of(), false, null);
    }

    /** Rejects operations the model does not have, and keys a single register cannot tell apart. */
    static void requireFits(History history, Model model) {
        String firstKey = null;
        boolean keyed = false;
        for (Operation o : history.operations()) {
            if (!model.accepts(o.kind())) {
                throw new IllegalArgumentException(where(o) + "the " + model.cliName() + " model has no "
                    + o.kind().name().toLowerCase() + " operation (" + o + ")");
            }
            if (!model.byKey() && o.key() != null) {
                if (keyed && !o.key().equals(firstKey)) {
                    throw new IllegalArgumentException(where(o) + "operations name several keys (" + firstKey + ", "
                        + o.key() + "): use the kv model");
                }
                keyed = true;
                firstKey = o.key();
            }
        }
    }

    private static String where(Operation o) {
        return o.where() == null ? "" : o.where() + ": ";
    }
}
