/**
 * Shrinking failing runs to minimal ones, in place of a property-testing library.
 *
 * <p>Given a failing {@link dev.conform.runtime.sim.Scenario} (algorithm, seed, fault plan,
 * budget) and a deterministic failure predicate (run it, check an invariant or a trace property),
 * {@link dev.conform.runtime.shrink.Shrinker} removes fault events by delta debugging (ddmin),
 * binary-searches the shortest step budget that still fails, and runs ddmin again. Because the
 * simulator replays a (seed, plan) exactly, every candidate is judged by a real run. The
 * {@link dev.conform.runtime.shrink.ShrinkResult} writes the minimal plan to a JSON file and gives
 * the {@code conform run ... --seed S --plan FILE --steps N} command that replays it.
 *
 * <p>Random tests pair this with {@link dev.conform.runtime.nemesis.PlanGenerator}: draw plans
 * from seeds, run, and shrink the first failure before reporting it.
 */
package dev.conform.runtime.shrink;
