package dev.conform.algorithms.twopc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.twopc.TwoPhaseMessage.Decision;
import dev.conform.algorithms.twopc.TwoPhaseMessage.Prepare;
import dev.conform.algorithms.twopc.TwoPhaseMessage.Vote;
import dev.conform.runtime.Options;
import dev.conform.runtime.Verdicts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole clusters of one coordinator and three participants, pumped by {@link Cluster}. */
class ClusterTest {
    private static final List<Integer> RMS = List.of(2, 3, 4);

    /** Votes in, coordinator committed, Decision messages in flight and not yet delivered. */
    private static Cluster committedButUnannounced(Options options) {
        Cluster c = new Cluster(4, options, 7);
        for (int r : RMS) {
            c.deliver(1, r, Prepare.class);
        }
        for (int r : RMS) {
            c.deliver(r, 1, Vote.class);
        }
        assertEquals(TmState.COMMITTED, c.tmState());
        return c;
    }

    @Test
    void everyoneCommitsWhateverTheDeliveryOrder() {
        for (long seed = 0; seed < 50; seed++) {
            Cluster c = new Cluster(4, Options.empty(), seed);
            c.deliverAll();
            for (int r : RMS) {
                assertEquals(RmState.COMMITTED, c.rmState(r), "seed " + seed);
            }
            assertEquals(List.of(2, 3, 4), List.copyOf(c.coordinator().acked()), "seed " + seed);
        }
    }

    @Test
    void oneNoVoteAbortsEveryone() {
        Cluster c = new Cluster(4, Options.empty().with("voteNo", 3), 1);
        c.deliverAll();
        assertEquals(TmState.ABORTED, c.tmState());
        for (int r : RMS) {
            assertEquals(RmState.ABORTED, c.rmState(r));
        }
    }

    @Test
    void unilateralAbortAbortsEveryone() {
        Cluster c = new Cluster(4, Options.empty().with("abortEarly", 4), 2);
        c.deliverAll();
        for (int r : RMS) {
            assertEquals(RmState.ABORTED, c.rmState(r));
        }
        assertEquals(List.of("RMAbort", "RMVoteNo", "RMRcvDecision"), c.actions(4));
    }

    @Test
    void coordinatorCrashedForeverBlocksPreparedParticipants() {
        Cluster c = new Cluster(4, Options.empty().with("cooperative", true), 3);
        for (int r : RMS) {
            c.deliver(1, r, Prepare.class);
        }
        c.crash(1);
        c.deliverAll(); // the votes are lost with the coordinator
        // Asking anyone is useless: the peers are as uncertain as the asker.
        for (int round = 0; round < 5; round++) {
            for (int r : RMS) {
                c.sim.fire(r, TwoPhaseTimers.ASK); // must be armed
            }
            c.deliverAll();
        }
        for (int r : RMS) {
            assertEquals(RmState.PREPARED, c.rmState(r), "blocked: 2PC cannot decide without the coordinator");
        }
        c.restart(1);
        assertEquals(TmState.ABORTED, c.tmState(), "undecided coordinator aborts on recovery");
        c.deliverAll();
        for (int r : RMS) {
            assertEquals(RmState.ABORTED, c.rmState(r));
        }
    }

    @Test
    void recoveredCoordinatorAnnouncesTheLoggedCommitAgain() {
        Cluster c = committedButUnannounced(Options.empty());
        c.crash(1);
        c.dropAll();
        c.restart(1);
        c.deliverAll();
        for (int r : RMS) {
            assertEquals(RmState.COMMITTED, c.rmState(r));
        }
    }

    @Test
    void recoveringParticipantLearnsTheOutcomeByAsking() {
        Cluster c = committedButUnannounced(Options.empty());
        c.crash(3);
        c.deliverAll(); // 3 misses its Decision
        assertEquals(RmState.PREPARED, c.rmState(3));
        c.restart(3); // asks at once
        c.deliverAll();
        assertEquals(RmState.COMMITTED, c.rmState(3));
        assertEquals(List.of("RMVoteYes", "RMRestart", "RMAsk", "RMRcvDecision"), c.actions(3));
    }

    /** Only participant 2 hears the commit before the coordinator goes down for good. */
    private static Cluster onlyTwoHeard(boolean cooperative) {
        Cluster c = committedButUnannounced(Options.empty().with("cooperative", cooperative));
        c.deliver(1, 2, Decision.class);
        c.crash(1);
        c.dropAll();
        for (int round = 0; round < 3; round++) {
            for (int r : List.of(3, 4)) {
                c.sim.fire(r, TwoPhaseTimers.ASK);
            }
            c.deliverAll();
        }
        return c;
    }

    @Test
    void cooperativeTerminationUnblocksWhenSomePeerKnows() {
        Cluster without = onlyTwoHeard(false);
        assertEquals(RmState.PREPARED, without.rmState(3));
        assertEquals(RmState.PREPARED, without.rmState(4));

        Cluster with = onlyTwoHeard(true);
        assertEquals(RmState.COMMITTED, with.rmState(3));
        assertEquals(RmState.COMMITTED, with.rmState(4));
        assertTrue(with.actions(2).contains("RMRcvDecisionRequest"));
    }

    @Test
    void flawForgetVoteOnRestartSplitsTheOutcome() {
        Options flawed = Options.empty().withFlaw(TwoPhaseAlgorithm.FLAW_FORGET_VOTE_ON_RESTART);
        Cluster c = committedButUnannounced(flawed);
        c.crash(2);
        c.deliverAll();
        c.restart(2);
        c.deliverAll();
        assertEquals(RmState.ABORTED, c.rmState(2));
        assertEquals(RmState.COMMITTED, c.rmState(3));
        // the checker rejects the forgetful restart itself, before the split outcome
        assertTrue(c.violations().getOrDefault(Verdicts.SPEC_STEP, "")
                .contains("RMRestart at node 2 records rmState = aborted"), c.violations().toString());

        Cluster sound = committedButUnannounced(Options.empty());
        sound.crash(2);
        sound.deliverAll();
        sound.restart(2);
        sound.deliverAll();
        assertEquals(Map.of(), sound.violations());
        assertEquals(RmState.COMMITTED, sound.rmState(2));
    }

    @Test
    void flawCommitBeforeAllVotesCommitsOverANo() {
        Cluster c = new Cluster(4, Options.empty().with("voteNo", 4)
                .withFlaw(TwoPhaseAlgorithm.FLAW_COMMIT_BEFORE_ALL_VOTES), 5);
        for (int r : RMS) {
            c.deliver(1, r, Prepare.class);
        }
        c.deliver(2, 1, Vote.class);
        c.deliverAll();
        assertEquals(TmState.COMMITTED, c.tmState());
        assertEquals(RmState.ABORTED, c.rmState(4));
        // the checker rejects the early commit itself, before CommitValidity and Consistency break
        assertTrue(c.violations().getOrDefault(Verdicts.SPEC_STEP, "")
                .contains("TMCommit needs every participant's yes vote"), c.violations().toString());
    }
}
