package dev.conform.algorithms.pbft;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a replica makes durable before its sends leave (at the end of every handler that changed
 * something): the recorded state's fields, every statement it holds (its log, checkpoints and
 * view changes), the requests it knows but has not executed, its own checkpoint states and the
 * key-value store's snapshot. A restart resumes from exactly this; it fetches nothing.
 *
 * @param ownStates the replica's state digest at each checkpoint seq it reached, by seq
 * @param snapshots the store's snapshots at its own checkpoint seqs from h up, below executed (the one
 *                  at executed is {@code store}), kept for state transfer; absent from JSON when
 *                  empty, so a replica that never passed a checkpoint it has not made stable writes
 *                  what it wrote before state transfer existed
 */
public record PbftPersistentState(long view, boolean changing, long h, long executed, long assigned, int viewChanges,
                                  List<PbftMessage> statements, List<PbftMessage.Checkpoint> stableProof,
                                  Map<Long, String> ownStates, List<PbftMessage.ClientRequest> pending, String store,
                                  @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<Long, String> snapshots) {
    public PbftPersistentState {
        snapshots = snapshots == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(snapshots));
        statements = List.copyOf(statements);
        stableProof = List.copyOf(stableProof);
        // sorted: Map.copyOf iterates in an order salted per JVM, and a restart event writes this map
        ownStates = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(ownStates));
        pending = List.copyOf(pending);
    }
}
