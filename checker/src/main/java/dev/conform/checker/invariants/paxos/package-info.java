/**
 * Java invariants of {@code paxos} traces (specs/paxos): {@code Agreement}, {@code Validity},
 * {@code LogConsistency}, {@code SnapshotSafety} and {@code AcceptedBelowPromise}, folded from the
 * state every server action records and from the clients' requests.
 */
package dev.conform.checker.invariants.paxos;
