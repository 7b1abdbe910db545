/**
 * Java invariants of {@code erasure} traces (specs/erasure): {@code ReadLatest},
 * {@code NoMixedRead}, {@code RepairExact} and {@code Durable}, folded from the coordinator's and
 * storage nodes' recorded states, the shards each write sent and the clients' reads; the only
 * invariant set that accepts disk loss (wipe faults).
 */
package dev.conform.checker.invariants.erasure;
