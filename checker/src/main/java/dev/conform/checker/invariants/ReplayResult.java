package dev.conform.checker.invariants;

import java.util.List;

/**
 * The outcome of replaying one trace against an invariant set.
 *
 * @param algorithm the algorithm name
 * @param events    how many events were replayed
 * @param verdicts  one entry per invariant, in declaration order
 * @param failure   the first failure, or null when every invariant held
 */
public record ReplayResult(String algorithm, long events, List<InvariantVerdict> verdicts, Failure failure) {
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
    }

    /**
     * The first failure.
     *
     * @param invariant the failing invariant, or null when the state folder rejected the event
     * @param kind      its kind (null for a fold failure)
     * @param event     1-based index of the event after which it failed (0: the initial state;
     *                  for SOMETIMES/AT_END: the number of events)
     * @param line      line of that event in the trace file (0 when none)
     * @param message   one-line explanation
     */
    public record Failure(String invariant, Invariant.Kind kind, long event, long line, String message) {
    }
}
