package dev.conform.checker.validate;

import dev.conform.checker.value.TlaValue;
import java.util.List;
import java.util.Map;

/** The TLA+ text of the modules the validator wraps around a trace spec. */
final class GeneratedModules {
    static final String TRACE = "ConformTrace";
    static final String DIAG = "ConformDiag";
    static final String DIAG_TAG = "conform-diag";
    static final String DIAG_STATE = "conform-diag-state";
    static final String VIOLATION_TAG = "conform-violation";
    /** The CONSTRAINT of the diagnostic run. */
    static final String DIAG_STOP = "ConformDiagnose";
    /** The CONSTRAINT that prints the end marker. */
    static final String END = "ConformEnd";
    /** The module of a batch run, its next-state relation, the kind of its begin events and its end tag. */
    static final String BATCH = "ConformBatch";
    static final String NEXT = "ConformNext";
    static final String BEGIN_KIND = "begin";
    static final String BATCH_END_TAG = "conform-batch-end";

    private GeneratedModules() {
    }

    /**
     * The init predicate of a segment: the spec's own INIT for the first one, else {@code l = 1}
     * and every other variable equal to its value in one of the end states of the previous
     * segment (TLC may reach several when the trace leaves a choice of the spec open).
     */
    static String init(String userInit, List<Map<String, TlaValue>> starts) {
        if (starts == null) {
            return userInit;
        }
        StringBuilder sb = new StringBuilder("\n    /\\ l = 1\n    /\\ \\/ FALSE\n");
        for (Map<String, TlaValue> start : starts) {
            sb.append("       \\/ /\\ TRUE\n");
            start.forEach((var, val) -> {
                if (!var.equals("l")) {
                    sb.append("          /\\ ").append(var).append(" = ").append(val.toTla()).append('\n');
                }
            });
        }
        return sb.toString();
    }

    /**
     * The module TLC checks for one segment: the trace spec with the segment's INIT, and the
     * CONSTRAINT {@link #END} that prints the end marker (see {@link SegmentAnswer}) in every state
     * that consumed the whole segment, with the state's variables when another segment follows.
     */
    static String traceModule(String userModule, String init, List<String> variables, boolean printState,
            List<String> invariants) {
        StringBuilder sb = new StringBuilder(header(TRACE));
        sb.append("EXTENDS ").append(userModule).append(", TLC\n\nConformInit == ").append(init).append("\n\n");
        appendInvariantChecks(sb, invariants, variables);
        // The last segment ends the trace: it must also leave the spec's end condition true (e.g.
        // no delivery without its handler); a segment boundary inside the trace need not.
        sb.append(END).append(" ==\n    l = Len(TraceLog) + 1").append(printState ? "" : " /\\ TraceEndCondition")
                .append(" =>\n        PrintT(<<\"").append(SegmentAnswer.END_TAG).append("\", l");
        if (printState) {
            sb.append(", ").append(stateRecord(variables));
        }
        sb.append(">>)\n\n");
        return sb.append(footer()).toString();
    }

    /**
     * The module TLC checks for a batch of traces (see {@link BatchFile}): the trace spec, where a
     * begin event resets every variable to its initial value ({@code ConformReset}, from
     * {@link InitAssignments}) and consumes the event, and the CONSTRAINT {@link #END} that
     * prints {@code <<"conform-batch-end", j>>} in every state that matched the whole of trace j
     * (its last event, before the next begin event or the end of the file) and satisfies the
     * spec's {@code TraceEndCondition}.
     */
    static String batchModule(String userModule, String userInit, String userNext, InitAssignments init,
            List<String> variables, List<String> invariants) {
        StringBuilder sb = new StringBuilder(header(BATCH));
        sb.append("EXTENDS ").append(userModule).append(", TLC\n\nConformInit == ").append(userInit).append("\n\n");
        int k = 0;
        StringBuilder reset = new StringBuilder("ConformReset ==\n    /\\ l' = l + 1\n");
        for (Map.Entry<String, List<String>> a : init.values().entrySet()) {
            if (a.getKey().equals("l")) {
                continue;
            }
            String op = "ConformInitialValue" + (++k);
            sb.append(op).append(" ==\n");
            a.getValue().forEach(line -> sb.append(line).append('\n'));
            sb.append('\n');
            reset.append("    /\\ ").append(a.getKey()).append("' = ").append(op).append('\n');
        }
        sb.append(reset).append('\n');
        sb.append("ConformBegins == l <= Len(TraceLog) /\\ TraceLog[l].kind = \"").append(BEGIN_KIND).append("\"\n\n");
        sb.append(NEXT).append(" == IF ConformBegins THEN ConformReset ELSE ").append(userNext).append("\n\n");
        appendInvariantChecks(sb, invariants, variables);
        sb.append(END).append(" ==\n    (l = Len(TraceLog) + 1 \\/ ConformBegins) /\\ TraceEndCondition =>\n")
                .append("        PrintT(<<\"").append(BATCH_END_TAG).append("\", TraceNumberAt(TraceOffset + l - 1)>>)\n\n");
        return sb.append(footer()).toString();
    }

    /**
     * A module whose CONSTRAINT {@link #DIAG_STOP} prints, in every state with {@code l = k}, for
     * every IsX and every prefix of its conjuncts, whether that prefix is ENABLED for the current
     * event, then the state itself (tagged {@link #DIAG_STATE}). A constraint, not an invariant: a
     * violated invariant would make TLC print the whole behaviour up to event k, which grows with
     * k times the state size (hundreds of MB on long Raft traces).
     */
    static String diagModule(String userModule, String init, List<TraceSpecSource.ActionShape> actions,
            List<String> variables, long k) {
        StringBuilder sb = new StringBuilder(header(DIAG));
        sb.append("EXTENDS ").append(userModule).append(", TLC\n\nConformInit == ").append(init).append("\n\n");
        StringBuilder report = new StringBuilder("ConformReport ==\n    /\\ TRUE\n");
        for (int i = 0; i < actions.size(); i++) {
            TraceSpecSource.ActionShape a = actions.get(i);
            for (int j = 1; j <= a.conjuncts().size(); j++) {
                String op = "ConformP_" + (i + 1) + "_" + j;
                sb.append(op).append('(').append(a.param()).append(") ==\n");
                a.prefix(j).forEach(l -> sb.append(l).append('\n'));
                sb.append('\n');
                report.append("    /\\ PrintT(<<\"").append(DIAG_TAG).append("\", ").append(i + 1).append(", ")
                        .append(j).append(", ENABLED ").append(op).append("(CurrentEvent)>>)\n");
            }
        }
        sb.append(report).append('\n');
        sb.append(DIAG_STOP).append(" ==\n    l = ").append(k).append(" =>\n        /\\ ConformReport\n");
        sb.append("        /\\ PrintT(<<\"").append(DIAG_STATE).append("\", ").append(stateRecord(variables))
                .append(">>)\n");
        return sb.append(footer()).toString();
    }

    private static void appendInvariantChecks(StringBuilder sb, List<String> invariants, List<String> variables) {
        for (int i = 0; i < invariants.size(); i++) {
            String inv = invariants.get(i);
            sb.append(invariantCheck(i)).append(" ==\n    \\/ ").append(inv).append("\n    \\/ /\\ PrintT(<<\"")
                    .append(VIOLATION_TAG).append("\", \"").append(inv).append("\", l, ").append(stateRecord(variables))
                    .append(">>)\n       /\\ FALSE\n\n");
        }
    }

    /**
     * The CONSTRAINT checking the trace spec's i-th invariant (0-based). A violated INVARIANT would
     * make TLC print the whole behaviour up to the violation, which grows with the trace times the
     * state; the constraint prints the violation marker with the one violating state and prunes it.
     */
    static String invariantCheck(int i) {
        return "ConformInvariant" + (i + 1);
    }

    /** {@code [v1 |-> v1, ...]}: the spec's variables but l, as one printable record. */
    private static String stateRecord(List<String> variables) {
        StringBuilder sb = new StringBuilder("[");
        String sep = "";
        for (String v : variables) {
            if (!v.equals("l")) {
                sb.append(sep).append(v).append(" |-> ").append(v);
                sep = ", ";
            }
        }
        return sep.isEmpty() ? "<<>>" : sb.append(']').toString();
    }

    private static String header(String name) {
        return "---- MODULE " + name + " ----\n\\* Generated by conform validate; do not edit.\n";
    }

    private static String footer() {
        return "====\n";
    }
}
