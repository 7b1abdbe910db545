package dev.conform.runtime.prop;

/**
 * A generator paired with the shrinker that simplifies its values.
 *
 * @param gen      draws values
 * @param shrinker simplifies failing values
 * @param <T>      the value type
 */
public record Arbitrary<T>(Gen<T> gen, Shrinker<T> shrinker) {
}
