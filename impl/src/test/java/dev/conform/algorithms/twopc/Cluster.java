package dev.conform.algorithms.twopc;

import dev.conform.runtime.Options;
import dev.conform.runtime.SteppedRun;
import dev.conform.checker.invariants.twopc.TwoPhaseInvariants;
import java.util.List;
import java.util.Map;

/**
 * A whole 2PC cluster on a {@link SteppedRun}: messages in flight are delivered in an order drawn
 * from a seed, nodes can be crashed (losing everything but what they persisted, and the messages
 * in flight to them) and restarted, timers fire only when a test says so. The run is judged by
 * the checker's own 2PC invariants over the recorded actions, sends and deliveries.
 */
final class Cluster extends SteppedRun<TwoPhaseMessage> {
    Cluster(int n, Options options, long seed) {
        super(new TwoPhaseAlgorithm(), n, options, seed);
    }

    Coordinator coordinator() {
        return (Coordinator) sim.node(1);
    }

    /** The durable state of participant {@code id}, readable even while it is down. */
    RmState rmState(int id) {
        return TwoPhaseLog.participantState(sim.persisted(id));
    }

    TmState tmState() {
        TmState s = TwoPhaseLog.coordinatorState(sim.persisted(1));
        return s == null ? TmState.INIT : s;
    }

    List<Integer> participants() {
        return sim.servers().subList(1, sim.servers().size());
    }

    /** The checker's 2PC invariants this run breaks (CommitValidity, Consistency, ...), with their reports. */
    Map<String, String> violations() {
        return violations(new TwoPhaseInvariants());
    }

    boolean allDecided() {
        return participants().stream().allMatch(r -> rmState(r).decided());
    }
}
