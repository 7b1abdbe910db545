/**
 * Merging per-node traces (as recorded by separate processes on a real network, each with
 * vector clocks and no global sequence numbers) into one causally ordered trace that the
 * validator can check: {@link dev.conform.tracing.merge.TraceMerger}.
 */
package dev.conform.tracing.merge;
