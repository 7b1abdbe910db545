package dev.conform.runtime.contract;

import dev.conform.runtime.Node;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/** A cluster under a contract test: simulated or real, it runs until a condition holds. */
interface TestCluster<M> extends AutoCloseable {
    /** Runs until {@code cond} holds over the live nodes; false when it gave up first. */
    boolean await(Predicate<IntFunction<Node<M>>> cond) throws Exception;

    /** Runs until nothing more happens (the simulator empties its agenda; a real network goes quiet). */
    void settle() throws Exception;

    /** The live node with this id (null when down). */
    Node<M> node(int id);

    /** Handler exceptions the runtime saw (it must see none from the transport). */
    long handlerFailures();

    @Override
    void close();
}
