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
    /** The ids of the nodes that run the algorithm (role "server" or an algorithm's own server roles), ascending. */
    List<Integer> servers();

    /** The ids of the workload's client nodes (role "client"), ascending; empty when there is no workload. */
    List<Integer> clients();

    /** The live node with this id, or null while it is crashed (or unknown). */
    Node<M> node(int id);

    /** Logical time now, in ticks. */
    long now();

    /** Events processed so far. */
    long steps();
}
