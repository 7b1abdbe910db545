/**
 * Benchmarks that print figures and ratios against a baseline measured in the same run; they are
 * mains, not tests, so {@code mvn verify} stays fast and never asserts on wall-clock time.
 */
package dev.conform.bench;
