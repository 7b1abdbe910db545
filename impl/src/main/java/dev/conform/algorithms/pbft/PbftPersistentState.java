package dev.conform.algorithms.pbft;

import java.util.List;
import java.util.Map;

/**
 * What a replica makes durable before its sends leave (at the end of every handler that changed
 * something): the recorded state's fields, every statement it holds (its log, checkpoints and
 * view changes), the requests it knows but has not executed, its own checkpoint states and the
 * key-value store's snapshot. A restart resumes from exactly this; it fetches nothing.
 *
 * @param ownStates the replica's state digest at each checkpoint seq it reached, by seq
 */
public record PbftPersistentState(long view, boolean changing, long h, long executed, long assigned, int viewChanges,
                                  List<PbftMessage> statements, List<PbftMessage.Checkpoint> stableProof,
                                  Map<Long, String> ownStates, List<PbftMessage.ClientRequest> pending, String store) {
    public PbftPersistentState {
        statements = List.copyOf(statements);
        stableProof = List.copyOf(stableProof);
        // sorted: Map.copyOf iterates in an order salted per JVM, and a restart event writes this map
        ownStates = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(ownStates));
        pending = List.copyOf(pending);
    }
}
