package dev.conform.algorithms.paxos;

import java.util.List;

/**
 * What a server makes durable before any message that depends on it leaves: the highest
 * ballot it started as proposer, its promise, its votes above the snapshot, and the snapshot of
 * the applied store. Which slots are chosen and how far they are applied is not durable above
 * the snapshot: a restarted server learns it again from the leader.
 *
 * @param snapshot the store's snapshot text at {@code snapshotIndex}, null for none
 */
public record PaxosPersistentState(long ballot, long promised, List<Vote> accepted, long snapshotIndex,
                                   String snapshot) {
    public PaxosPersistentState {
        accepted = List.copyOf(accepted);
    }

    /** A server that never ran. */
    public static PaxosPersistentState initial() {
        return new PaxosPersistentState(0, 0, List.of(), 0, null);
    }
}
