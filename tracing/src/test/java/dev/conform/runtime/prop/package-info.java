/**
 * A small property-testing kit for the whole project: seeded generators ({@link
 * dev.conform.runtime.prop.Gen}), shrinkers ({@link dev.conform.runtime.prop.Shrinker}) and a
 * runner ({@link dev.conform.runtime.prop.Property}) that checks a property over many random
 * cases and reduces the first counterexample to a local minimum.
 *
 * <p>Why our own: the project forbids unseeded randomness and wants every failure to print the
 * seed that replays it. A generator here is just a function of a {@link
 * java.util.SplittableRandom}; a shrinker proposes simpler values, simplest first; the runner
 * greedily keeps any simpler value that still fails. Oracle tests (clever code against a dumb
 * model) and algebraic-law tests (CRDT merge is a join) are both written this way.
 */
package dev.conform.runtime.prop;
