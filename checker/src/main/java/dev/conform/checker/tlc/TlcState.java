package dev.conform.checker.tlc;

import dev.conform.checker.value.TlaValue;
import java.util.Map;

/**
 * One state of a counterexample.
 *
 * @param number TLC's 1-based state number
 * @param action the action that led here ({@code "Initial predicate"} for the first state)
 * @param location where that action is defined, null for the initial state
 * @param variables the state's variables in TLC's order, parsed; empty when {@code parseError} is set
 * @param text TLC's printed state, verbatim
 * @param parseError why {@code text} could not be parsed, else null
 */
public record TlcState(int number, String action, SourceLocation location, Map<String, TlaValue> variables,
        String text, String parseError) {
    public TlcState {
        variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(variables));
    }
}
