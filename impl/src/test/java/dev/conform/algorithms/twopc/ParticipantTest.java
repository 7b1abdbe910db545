package dev.conform.algorithms.twopc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.twopc.TwoPhaseMessage.Ack;
import dev.conform.algorithms.twopc.TwoPhaseMessage.Decision;
import dev.conform.algorithms.twopc.TwoPhaseMessage.DecisionRequest;
import dev.conform.algorithms.twopc.TwoPhaseMessage.Prepare;
import dev.conform.algorithms.twopc.TwoPhaseMessage.Vote;
import dev.conform.runtime.EffectLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParticipantTest {
    private static final List<Integer> NODES = List.of(1, 2, 3, 4);

    private final EffectLog<TwoPhaseMessage> rec = new EffectLog<>(2, NODES);

    private Participant started(TwoPhaseOptions options) {
        Participant p = new Participant(2, NODES, null, options);
        rec.start(p);
        rec.clearOutputs();
        return p;
    }

    private Participant restarted(RmState logged, TwoPhaseOptions options) {
        rec.persisted = new TwoPhaseLog.Participant(logged);
        Participant p = new Participant(2, NODES, rec.persisted, options);
        rec.start(p);
        return p;
    }

    @Test
    void freshStartLogsWorkingAndWaitsForPrepare() {
        Participant p = new Participant(2, NODES, null, TwoPhaseOptions.defaults());
        rec.start(p);
        assertEquals(RmState.WORKING, p.state());
        assertEquals(new TwoPhaseLog.Participant(RmState.WORKING), rec.persisted);
        assertTrue(rec.actions.isEmpty(), "the spec's initial state, no action");
        assertTrue(rec.timers.containsKey(TwoPhaseTimers.PREPARE));
    }

    @Test
    void votesYesOnlyAfterLoggingTheVote() {
        Participant p = started(TwoPhaseOptions.defaults());
        rec.deliver(p, 1, new Prepare());
        assertEquals(RmState.PREPARED, p.state());
        assertTrue(p.uncertain());
        assertEquals(new TwoPhaseLog.Participant(RmState.PREPARED), rec.persisted);
        assertTrue(rec.first("persist") < rec.first("send Vote"));
        assertEquals(List.of(new Vote(true)), rec.sentTo(1));
        assertEquals(List.of("RMVoteYes"), rec.actionNames());
        assertEquals(Map.of("rmState", "prepared"), rec.actions.get(0).state());
        assertFalse(rec.timers.containsKey(TwoPhaseTimers.PREPARE));
        assertTrue(rec.timers.containsKey(TwoPhaseTimers.ASK));
    }

    @Test
    void votesNoWhenTheWorkloadSaysSo() {
        Participant p = started(TwoPhaseOptions.defaults().withVoteNo(2));
        rec.deliver(p, 1, new Prepare());
        assertEquals(RmState.ABORTED, p.state());
        assertTrue(rec.first("persist") < rec.first("send Vote"));
        assertEquals(List.of(new Vote(false)), rec.sentTo(1));
        assertEquals(List.of("RMVoteNo"), rec.actionNames());
    }

    @Test
    void unilateralAbortBeforeVotingThenVotesNo() {
        Participant p = started(TwoPhaseOptions.defaults());
        rec.fire(p, TwoPhaseTimers.PREPARE);
        assertEquals(RmState.ABORTED, p.state());
        assertEquals(new TwoPhaseLog.Participant(RmState.ABORTED), rec.persisted);
        rec.deliver(p, 1, new Prepare());
        assertEquals(List.of(new Vote(false)), rec.sentTo(1));
        assertEquals(List.of("RMAbort", "RMVoteNo"), rec.actionNames());
    }

    @Test
    void abortEarlyOptionAbortsAtStart() {
        Participant p = new Participant(2, NODES, null, TwoPhaseOptions.defaults().withAbortEarly(2));
        rec.start(p);
        assertEquals(RmState.ABORTED, p.state());
        assertEquals(List.of("RMAbort"), rec.actionNames());
    }

    @Test
    void adoptsTheDecisionLogsItAndAcknowledgesEveryCopy() {
        Participant p = started(TwoPhaseOptions.defaults());
        rec.deliver(p, 1, new Prepare());
        rec.clearOutputs();
        rec.deliver(p, 1, new Decision(true));
        assertEquals(RmState.COMMITTED, p.state());
        assertEquals(new TwoPhaseLog.Participant(RmState.COMMITTED), rec.persisted);
        assertFalse(rec.timers.containsKey(TwoPhaseTimers.ASK));
        rec.deliver(p, 1, new Decision(true));
        assertEquals(List.of(new Ack(), new Ack()), rec.sentTo(1));
        assertEquals(List.of("RMRcvDecision", "RMRcvDecision"), rec.actionNames());
    }

    @Test
    void uncertainParticipantAsksOnlyTheCoordinatorWithoutCooperation() {
        Participant p = started(TwoPhaseOptions.defaults());
        rec.deliver(p, 1, new Prepare());
        rec.clearOutputs();
        rec.fire(p, TwoPhaseTimers.ASK);
        assertEquals(List.of(new EffectLog.Sent<TwoPhaseMessage>(1, new DecisionRequest())), rec.sent);
        assertEquals(List.of("RMAsk"), rec.actionNames());
        assertTrue(rec.timers.containsKey(TwoPhaseTimers.ASK), "keeps asking");
    }

    @Test
    void uncertainParticipantAsksPeersTooWithCooperation() {
        Participant p = started(TwoPhaseOptions.defaults().withCooperative(true));
        rec.deliver(p, 1, new Prepare());
        rec.clearOutputs();
        rec.fire(p, TwoPhaseTimers.ASK);
        assertEquals(List.of(new DecisionRequest()), rec.sentTo(1));
        assertEquals(List.of(new DecisionRequest()), rec.sentTo(3));
        assertEquals(List.of(new DecisionRequest()), rec.sentTo(4));
    }

    @Test
    void restartWhilePreparedStaysUncertainAndAsks() {
        Participant p = restarted(RmState.PREPARED, TwoPhaseOptions.defaults());
        assertEquals(RmState.PREPARED, p.state());
        assertEquals(List.of("RMRestart", "RMAsk"), rec.actionNames());
        assertEquals(List.of(new DecisionRequest()), rec.sentTo(1));
        assertTrue(rec.sentTo(3).isEmpty());
    }

    @Test
    void restartWhileWorkingAborts() {
        Participant p = restarted(RmState.WORKING, TwoPhaseOptions.defaults());
        assertEquals(RmState.ABORTED, p.state());
        assertEquals(new TwoPhaseLog.Participant(RmState.ABORTED), rec.persisted);
        assertEquals(List.of("RMRestart"), rec.actionNames());
    }

    @Test
    void restartAfterDecidingKeepsTheDecision() {
        Participant p = restarted(RmState.COMMITTED, TwoPhaseOptions.defaults());
        assertEquals(RmState.COMMITTED, p.state());
        assertTrue(rec.sent.isEmpty());
    }

    @Test
    void flawForgetVoteOnRestartPresumesAbortDespiteTheLoggedYes() {
        Participant p = restarted(RmState.PREPARED,
                TwoPhaseOptions.defaults().withFlaw(TwoPhaseFlaw.FORGET_VOTE_ON_RESTART));
        assertEquals(RmState.ABORTED, p.state());
        assertEquals(new TwoPhaseLog.Participant(RmState.ABORTED), rec.persisted);
        assertTrue(rec.sent.isEmpty(), "no longer asks: it thinks it knows");
    }

    @Test
    void peerThatHasNotVotedAbortsAndSaysSo() {
        Participant p = started(TwoPhaseOptions.defaults().withCooperative(true));
        rec.deliver(p, 3, new DecisionRequest());
        assertEquals(RmState.ABORTED, p.state());
        assertEquals(new TwoPhaseLog.Participant(RmState.ABORTED), rec.persisted);
        assertEquals(List.of(new Decision(false)), rec.sentTo(3));
        assertEquals(List.of("RMRcvDecisionRequest"), rec.actionNames());
    }

    @Test
    void uncertainPeerStaysSilentAndDecidedPeerTells() {
        Participant p = started(TwoPhaseOptions.defaults().withCooperative(true));
        rec.deliver(p, 1, new Prepare());
        rec.clearOutputs();
        rec.deliver(p, 3, new DecisionRequest());
        assertTrue(rec.sent.isEmpty(), "uncertain: nothing to tell");
        assertEquals(List.of("RMRcvDecisionRequest"), rec.actionNames(), "the delivery is still handled");
        rec.deliver(p, 1, new Decision(true));
        rec.clearOutputs();
        rec.deliver(p, 4, new DecisionRequest());
        assertEquals(List.of(new Decision(true)), rec.sentTo(4));
    }
}
