/**
 * A linearizable key-value store replicated by Raft, and the clients that drive it.
 *
 * <p>{@link dev.conform.algorithms.raft.kv.KvStateMachine} applies committed commands
 * ({@code put}, {@code get}, {@code cas}, {@code append}; see {@link dev.conform.algorithms.raft.kv.KvCommand}).
 * Reads go through the log like writes, so a read returns the value of the latest committed
 * write before it: linearizable without leases (the teaching flaw {@code StaleRead} skips that). Each log entry carries the client id and the
 * client's sequence number ({@link dev.conform.algorithms.raft.ClientCommand}); the store keeps
 * the last sequence number and result per client and applies a retried command only once.
 *
 * <p>{@link dev.conform.algorithms.raft.kv.KvClientNode} (a node of role {@code client}) issues a workload
 * fixed at construction from a seed ({@link dev.conform.algorithms.raft.kv.KvWorkload}), one
 * command at a time, follows leader hints, retries on timeout with the same sequence number,
 * and keeps the history of completed commands for checks.
 *
 * <p>{@link dev.conform.algorithms.raft.kv.KvRemoteClient} is the same client logic for a cluster
 * of real processes ({@code conform cluster client}): over a
 * {@link dev.conform.runtime.net.NetClient}, with a wall-clock deadline instead of timers. Its
 * client id is not from a seed but from the cluster directory's counter
 * ({@link dev.conform.runtime.net.ClientIds}): deterministic per directory, unique per invocation.
 */
package dev.conform.algorithms.raft.kv;
