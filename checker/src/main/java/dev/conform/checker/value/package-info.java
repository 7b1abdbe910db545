/**
 * TLA+ values as TLC prints them, parsed into an immutable Java model.
 *
 * <p>{@link dev.conform.checker.value.TlaValue} is the sealed root of the model (integers,
 * strings, booleans, model values, tuples, sets, records, functions, intervals).
 * {@link dev.conform.checker.value.TlaValues} parses TLC's printed form with the ANTLR grammar
 * {@code TlaValue.g4}, and {@link dev.conform.checker.value.TlaJson} turns values into JSON.
 * The printed form is what TLC emits in counterexamples; it is not full TLA+ syntax.
 */
package dev.conform.checker.value;
