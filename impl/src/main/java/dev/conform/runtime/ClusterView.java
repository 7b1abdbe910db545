package dev.conform.runtime;

import java.util.List;

/**
 * A read-only view of a running cluster, given to stop conditions and to test predicates. Node
 * objects are the algorithm's own; a stop condition may cast them to inspect their state but
 * must not change it.
 *
 * @param <M> the algorithm's message type
 */
public interface ClusterView<M> {
    /** Server ids, ascending (1..n in the simulator). */
    List<Integer> servers();

    /** Client ids (above 100), ascending; empty when the algorithm has no workload. */
    List<Integer> clients();

    /** The live node with this id, or null while it is crashed (or unknown). */
    Node<M> node(int id);

    /** Logical time now, in ticks. */
    long now();

    /** Events processed so far. */
    long steps();
}
