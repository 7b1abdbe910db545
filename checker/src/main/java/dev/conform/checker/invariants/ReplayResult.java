package dev.conform.checker.invariants;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of replaying one trace against an invariant set.
 *
 * @param algorithm the algorithm name
 * @param events    how many events were replayed
 * @param verdicts  one entry per safety invariant (ALWAYS, AT_END), in declaration order
 * @param coverage  what the trace reached (SOMETIMES properties) and which actions it took;
 *                  never a reason to fail
 * @param failure   the first failure, or null when the trace conforms
 * @param duration  how long the replay took
 */
public record ReplayResult(String algorithm, long events, List<InvariantVerdict> verdicts, Coverage coverage,
                           Failure failure, Duration duration) {
    /** A result whose time was not measured. */
    public ReplayResult(String algorithm, long events, List<InvariantVerdict> verdicts, Coverage coverage,
                        Failure failure) {
        this(algorithm, events, verdicts, coverage, failure, Duration.ZERO);
    }

    public boolean conforms() {
        return failure == null;
    }

    /**
     * The result for one invariant.
     *
     * @param name   invariant name
     * @param kind   its kind
     * @param passed whether it held as its kind demands
     * @param detail why it failed (null when it passed)
     */
    public record InvariantVerdict(String name, Invariant.Kind kind, boolean passed, String detail) {
        /** Not judged because the replay stopped earlier (neither a pass nor its own failure). */
        public boolean skipped() {
            return !passed && detail != null && detail.startsWith(NOT_JUDGED);
        }
    }

    /** Prefix of the detail of invariants left unjudged after an earlier failure. */
    public static final String NOT_JUDGED = "not judged";

    /**
     * The first failure.
     *
     * @param invariant the failing invariant, or null when the event itself cannot happen (the
     *                  network and node rules, or the state folder, rejected it)
     * @param kind      its kind (null when the event itself cannot happen)
     * @param event     1-based index of the event after which it failed (0: the initial state;
     *                  for AT_END and the end of the trace: the number of events)
     * @param line      line of that event in the trace file (0 when none)
     * @param message   one-line explanation
     */
    public record Failure(String invariant, Invariant.Kind kind, long event, long line, String message) {
    }
}
