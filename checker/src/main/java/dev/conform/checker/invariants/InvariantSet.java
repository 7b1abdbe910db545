package dev.conform.checker.invariants;

import java.util.List;

/**
 * What an algorithm registers for Java trace checking: its name (as in trace headers), how to
 * fold events into state, and its invariants. Implementations found by
 * {@link java.util.ServiceLoader} need a public no-argument constructor.
 *
 * @param <S> the state model
 */
public interface InvariantSet<S> {
    /** The algorithm name, equal to the trace header's {@code algorithm}. */
    String algorithm();

    StateFolder<S> folder();

    List<Invariant<S>> invariants();
}
