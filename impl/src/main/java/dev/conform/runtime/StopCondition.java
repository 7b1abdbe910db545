package dev.conform.runtime;

/**
 * Ends a run early once the algorithm has done its job (every value delivered, a leader elected
 * and the workload committed...). The runtime checks it after every step, so it must be cheap
 * and must not change node state.
 *
 * @param <M> the algorithm's message type
 */
@FunctionalInterface
public interface StopCondition<M> {
    boolean done(ClusterView<M> cluster);
}
