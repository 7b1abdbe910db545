package dev.conform.algorithms.twopc;

import dev.conform.runtime.Node;
import java.util.Collections;
import java.util.List;

/** Builds the node for an id: the lowest id is the coordinator, every other a participant. */
public final class TwoPhaseNodes {
    private TwoPhaseNodes() {
    }

    /**
     * @param persisted what the node last persisted before a crash, or null on a fresh start
     */
    public static Node<TwoPhaseMessage> create(int id, List<Integer> nodes, Object persisted,
            TwoPhaseOptions options) {
        if (nodes.size() < 2 || !nodes.contains(id)) {
            throw new IllegalArgumentException("two-phase commit needs a coordinator and at least one participant,"
                    + " and " + id + " among " + nodes);
        }
        if (id == coordinatorOf(nodes)) {
            return new Coordinator(id, nodes, persisted, options);
        }
        return new Participant(id, nodes, persisted, options);
    }

    /** The coordinator's id: the lowest node id (node 1 in the simulator). */
    public static int coordinatorOf(List<Integer> nodes) {
        return Collections.min(nodes);
    }
}
