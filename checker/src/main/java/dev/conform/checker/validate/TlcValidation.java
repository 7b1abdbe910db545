package dev.conform.checker.validate;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of validating one trace against a trace spec with TLC.
 *
 * @param outcome            what was decided; only {@link Outcome#CONFORMS} is a pass
 * @param events             number of events in the trace
 * @param segments           number of TLC segments run (diagnostic runs excluded)
 * @param message            one line for humans
 * @param divergence         where and why the trace left the spec (DIVERGES only), else null
 * @param violatedInvariant  the spec invariant that failed along the trace (INVARIANT_VIOLATED)
 * @param violationEvent     the event after which it failed (0: the initial state)
 * @param commandLines       every TLC command that was run, in order, for replay by hand
 * @param duration           wall-clock time of all TLC runs
 */
public record TlcValidation(Outcome outcome, long events, int segments, String message, Divergence divergence,
                            String violatedInvariant, long violationEvent, List<String> commandLines,
                            Duration duration) {
    /** What TLC decided. */
    public enum Outcome {
        /** Every event was matched (in every segment: search depth len + 1 and the end marker). */
        CONFORMS,
        /** No behaviour of the spec matches the trace past some event. */
        DIVERGES,
        /** The trace was matched up to a state that violates one of the spec's invariants. */
        INVARIANT_VIOLATED,
        /** The spec, config or trace is malformed. */
        BAD_INPUT,
        /** TLC failed, timed out or answered something unexpected: never a pass. */
        TOOL_FAILURE
    }

    public TlcValidation {
        commandLines = List.copyOf(commandLines);
    }

    public boolean conforms() {
        return outcome == Outcome.CONFORMS;
    }

    /**
     * Where a trace diverged.
     *
     * @param event     1-based index of the first event no spec behaviour matches
     * @param line      its line in the trace file
     * @param eventJson the event line, verbatim
     * @param lastState the last matched spec state as TLC printed it (null if not obtained)
     * @param lastValues the same state as values, variable to value (null if not obtained)
     * @param actions   for every IsX of the trace spec, what failed at that state (empty if the
     *                  diagnostic run failed)
     * @param note      why diagnostics are missing, else null
     */
    public record Divergence(long event, long line, String eventJson, String lastState,
                             java.util.Map<String, dev.conform.checker.value.TlaValue> lastValues,
                             List<ActionDiagnosis> actions, String note) {
        public Divergence {
            actions = List.copyOf(actions);
            lastValues = lastValues == null ? null : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(lastValues));
        }
    }

    /**
     * One candidate action at the diverging event.
     *
     * @param action          the IsX operator
     * @param enabled         whether the whole IsX(event) was enabled at the last matched state
     * @param failedConjunct  1-based index of the first top-level conjunct that fails (0 when enabled)
     * @param conjunct        that conjunct's text (null when enabled)
     * @param conjuncts       how many top-level conjuncts IsX has
     */
    public record ActionDiagnosis(String action, boolean enabled, int failedConjunct, String conjunct, int conjuncts) {
    }
}
