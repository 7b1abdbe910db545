package dev.conform.checker.invariants;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an algorithm registers for Java trace checking: its name (as in trace headers), how to
 * fold events into state, its invariants, and which of its actions handle a delivered message.
 * Implementations found by {@link java.util.ServiceLoader} need a public no-argument constructor.
 *
 * @param <S> the state model
 */
public interface InvariantSet<S> {
    /** The algorithm name, equal to the trace header's {@code algorithm}. */
    String algorithm();

    StateFolder<S> folder();

    List<Invariant<S>> invariants();

    /**
     * The handler actions: action name to the message types whose delivery it consumes (the
     * same actions that conjoin {@code NetConsume} in the trace spec). Every delivery must be
     * consumed by exactly one of them before its node takes another delivery or timer, and
     * before the trace ends; see {@link dev.conform.checker.network.TraceNetwork}.
     */
    Map<String, Set<String>> consumers();

    /**
     * Whether these checks model disk loss (a {@code wipe} fault: a crashed node restarts from
     * nothing). False by default, and then a trace with a wipe is rejected: checks written for
     * durable disks would judge a run they were not built for.
     */
    default boolean diskLoss() {
        return false;
    }
}
