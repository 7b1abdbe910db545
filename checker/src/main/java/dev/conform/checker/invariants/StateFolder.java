package dev.conform.checker.invariants;

import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;

/**
 * Builds an algorithm's global-state model from a trace, one event at a time.
 *
 * @param <S> the state model; it may be mutable ({@link #apply} may update it in place and
 *            return it), which keeps replay allocation-free
 */
public interface StateFolder<S> {
    /**
     * The state before the first event. Throw {@link FoldException} when the header's parameters
     * cannot start a run of the algorithm: the replay rejects the trace at its header.
     */
    S initial(TraceHeader header);

    /**
     * The state after {@code event}. Throw {@link FoldException} when the event cannot happen
     * in {@code state} at all (e.g. a delivery of a message never sent): the replay reports it
     * at that event as a violation.
     */
    S apply(S state, TraceEvent event);

    /** Optional short description of the state for reports (default: {@code toString}). */
    default String describe(S state) {
        return String.valueOf(state);
    }
}
