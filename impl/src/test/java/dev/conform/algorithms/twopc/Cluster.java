package dev.conform.algorithms.twopc;

import dev.conform.runtime.Options;
import dev.conform.runtime.SteppedRun;
import dev.conform.tracing.EventKind;
import java.util.List;

/**
 * A whole 2PC cluster on a {@link SteppedRun}: messages in flight are delivered in an order drawn
 * from a seed, nodes can be crashed (losing everything but what they persisted, and the messages
 * in flight to them) and restarted, timers fire only when a test says so. Adds the spec's
 * properties over the durable states.
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

    /** The spec's Consistency, over durable states. */
    boolean consistent() {
        boolean rmCommit = participants().stream().anyMatch(r -> rmState(r) == RmState.COMMITTED);
        boolean rmAbort = participants().stream().anyMatch(r -> rmState(r) == RmState.ABORTED);
        return !(rmCommit && rmAbort) && !(tmState() == TmState.COMMITTED && rmAbort)
                && !(tmState() == TmState.ABORTED && rmCommit);
    }

    /** The spec's CommitValidity: if anyone committed, every participant ever voted yes (yesVotes). */
    boolean commitValid() {
        boolean committed = tmState() == TmState.COMMITTED
                || participants().stream().anyMatch(r -> rmState(r) == RmState.COMMITTED);
        return !committed || participants().stream().allMatch(r -> events.stream()
                .anyMatch(e -> e.node() == r && e.kind() == EventKind.ACTION && e.action().equals("RMVoteYes")));
    }

    boolean allDecided() {
        return participants().stream().allMatch(r -> rmState(r).decided());
    }
}
