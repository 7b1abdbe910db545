package dev.conform.checker.invariants;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A named property of the replayed global state.
 *
 * @param name      the spec's name for it (e.g. {@code ElectionSafety})
 * @param kind      when it must hold
 * @param predicate true when the property holds in the given state; must not change the state
 * @param <S>       the algorithm's state model
 */
public record Invariant<S>(String name, Kind kind, Predicate<? super S> predicate) {
    /** When an invariant must hold. */
    public enum Kind {
        /** After every event (and in the initial state). */
        ALWAYS,
        /** After at least one event: fails a run in which it never held. */
        SOMETIMES,
        /** In the state after the last event. */
        AT_END
    }

    public Invariant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(predicate, "predicate");
    }

    public static <S> Invariant<S> always(String name, Predicate<? super S> p) {
        return new Invariant<>(name, Kind.ALWAYS, p);
    }

    public static <S> Invariant<S> sometimes(String name, Predicate<? super S> p) {
        return new Invariant<>(name, Kind.SOMETIMES, p);
    }

    public static <S> Invariant<S> atEnd(String name, Predicate<? super S> p) {
        return new Invariant<>(name, Kind.AT_END, p);
    }

    boolean holds(S state) {
        return predicate.test(state);
    }
}
