/**
 * Model-based tests, the spec side: behaviours of a spec drawn by TLC's simulation
 * ({@link dev.conform.checker.mbt.SpecBehaviours}), which {@code conform mbt} replays into an
 * implementation. The replay itself needs the implementation and lives in the tools module; the
 * checker never depends on impl.
 */
package dev.conform.checker.mbt;
