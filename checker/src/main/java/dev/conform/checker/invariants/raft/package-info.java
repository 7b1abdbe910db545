/**
 * Java invariants of {@code raft} traces (specs/raft), checked from the trace alone.
 *
 * <p>{@link dev.conform.checker.invariants.raft.RaftSpecReplay} is the Java twin of the steps of
 * {@code TraceRaft.tla}: after the network rules ({@code TraceNetwork}), it takes Raft.tla's
 * action for each event on the spec's own state ({@link dev.conform.checker.invariants.raft.SpecServer},
 * {@link dev.conform.checker.invariants.raft.RaftActions}), compares the recorded state
 * ({@link dev.conform.checker.invariants.raft.RecordedState}), checks requests against their
 * sender, answers against their handler, restarts against what was persisted and client replies
 * against the key-value store folded over the committed log
 * ({@link dev.conform.checker.invariants.raft.ClientReplies}, {@link
 * dev.conform.checker.invariants.raft.KvReplica}). The servers are the header's server role.
 *
 * <p>{@link dev.conform.checker.invariants.raft.RaftFolder} folds the state every {@code action}
 * event records (term, role, vote, log after the snapshot, snapshot index/term, commit index)
 * into one global state, applies {@code crash} (role back to Follower, commit index back to the
 * snapshot index, as the spec's {@code Restart}) and {@code restart} (the persisted record, when
 * the event carries one). Each server's whole log is rebuilt as snapshot prefix + recorded
 * entries: the prefix comes from the server's own earlier log when it compacted it, or from the
 * entries seen committed anywhere when it installed a leader's snapshot (unknown entries stay
 * null and are not compared). An action that records no {@code log} (it did not change the
 * server's log) keeps the entries after the snapshot as they were.
 *
 * <p>{@link dev.conform.checker.invariants.raft.RaftInvariants} checks the four safety properties
 * of {@code Raft.tla} with the same names and meaning (on the current global state):
 * {@code ElectionSafety}, {@code LogMatching}, {@code LeaderCompleteness},
 * {@code StateMachineSafety}, and two "sometimes" expectations so that a run in which nothing
 * happened cannot pass: {@code LeaderElected} and {@code EntryCommitted}. Because the replay stops
 * at the first violation, the state before each event satisfied every invariant, so each check
 * only compares the server the event changed with the others (linear, not quadratic, per event).
 */
package dev.conform.checker.invariants.raft;
