package dev.conform.algorithms.twopc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.twopc.TwoPhaseMessage.Ack;
import dev.conform.algorithms.twopc.TwoPhaseMessage.Decision;
import dev.conform.algorithms.twopc.TwoPhaseMessage.DecisionRequest;
import dev.conform.algorithms.twopc.TwoPhaseMessage.Prepare;
import dev.conform.algorithms.twopc.TwoPhaseMessage.Vote;
import dev.conform.runtime.RecordingContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParticipantTest {
    private static final List<Integer> NODES = List.of(1, 2, 3, 4);

    private static RecordingContext<TwoPhaseMessage> ctx() {
        return new RecordingContext<>(2, NODES);
    }

    private static Participant started(RecordingContext<TwoPhaseMessage> ctx, TwoPhaseOptions options) {
        Participant p = new Participant(2, NODES, null, options);
        p.onStart(ctx);
        ctx.clearOutputs();
        return p;
    }

    private static Participant restarted(RecordingContext<TwoPhaseMessage> ctx, RmState logged, TwoPhaseOptions options) {
        ctx.persisted = new TwoPhaseLog.Participant(logged);
        Participant p = new Participant(2, NODES, ctx.persisted, options);
        p.onStart(ctx);
        return p;
    }

    private static List<String> names(RecordingContext<TwoPhaseMessage> ctx) {
        return ctx.actions.stream().map(RecordingContext.Action::name).toList();
    }

    @Test
    void freshStartLogsWorkingAndWaitsForPrepare() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Participant p = new Participant(2, NODES, null, TwoPhaseOptions.defaults());
        p.onStart(rec);
        assertEquals(RmState.WORKING, p.state());
        assertEquals(new TwoPhaseLog.Participant(RmState.WORKING), rec.persisted);
        assertTrue(rec.actions.isEmpty(), "the spec's initial state, no action");
        assertTrue(rec.timers.containsKey(TwoPhaseTimers.PREPARE));
    }

    @Test
    void votesYesOnlyAfterLoggingTheVote() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Participant p = started(rec, TwoPhaseOptions.defaults());
        OrderedContext ordered = new OrderedContext(rec);
        p.onMessage(ordered, 1, new Prepare());
        ordered.handled();
        assertEquals(RmState.PREPARED, p.state());
        assertTrue(p.uncertain());
        assertEquals(new TwoPhaseLog.Participant(RmState.PREPARED), rec.persisted);
        assertTrue(ordered.first("persist") < ordered.first("send Vote"));
        assertEquals(List.of(new Vote(true)), rec.sentTo(1));
        assertEquals(List.of("RMVoteYes"), names(rec));
        assertEquals(Map.of("rmState", "prepared"), rec.actions.get(0).state());
        assertFalse(rec.timers.containsKey(TwoPhaseTimers.PREPARE));
        assertTrue(rec.timers.containsKey(TwoPhaseTimers.ASK));
    }

    @Test
    void votesNoWhenTheWorkloadSaysSo() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Participant p = started(rec, TwoPhaseOptions.defaults().withVoteNo(2));
        OrderedContext ordered = new OrderedContext(rec);
        p.onMessage(ordered, 1, new Prepare());
        ordered.handled();
        assertEquals(RmState.ABORTED, p.state());
        assertTrue(ordered.first("persist") < ordered.first("send Vote"));
        assertEquals(List.of(new Vote(false)), rec.sentTo(1));
        assertEquals(List.of("RMVoteNo"), names(rec));
    }

    @Test
    void unilateralAbortBeforeVotingThenVotesNo() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Participant p = started(rec, TwoPhaseOptions.defaults());
        p.onTimer(rec, TwoPhaseTimers.PREPARE);
        assertEquals(RmState.ABORTED, p.state());
        assertEquals(new TwoPhaseLog.Participant(RmState.ABORTED), rec.persisted);
        p.onMessage(rec, 1, new Prepare());
        assertEquals(List.of(new Vote(false)), rec.sentTo(1));
        assertEquals(List.of("RMAbort", "RMVoteNo"), names(rec));
    }

    @Test
    void abortEarlyOptionAbortsAtStart() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Participant p = new Participant(2, NODES, null, TwoPhaseOptions.defaults().withAbortEarly(2));
        p.onStart(rec);
        assertEquals(RmState.ABORTED, p.state());
        assertEquals(List.of("RMAbort"), names(rec));
    }

    @Test
    void adoptsTheDecisionLogsItAndAcknowledgesEveryCopy() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Participant p = started(rec, TwoPhaseOptions.defaults());
        p.onMessage(rec, 1, new Prepare());
        rec.clearOutputs();
        p.onMessage(rec, 1, new Decision(true));
        assertEquals(RmState.COMMITTED, p.state());
        assertEquals(new TwoPhaseLog.Participant(RmState.COMMITTED), rec.persisted);
        assertFalse(rec.timers.containsKey(TwoPhaseTimers.ASK));
        p.onMessage(rec, 1, new Decision(true));
        assertEquals(List.of(new Ack(), new Ack()), rec.sentTo(1));
        assertEquals(List.of("RMRcvDecision", "RMRcvDecision"), names(rec));
    }

    @Test
    void uncertainParticipantAsksOnlyTheCoordinatorWithoutCooperation() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Participant p = started(rec, TwoPhaseOptions.defaults());
        p.onMessage(rec, 1, new Prepare());
        rec.clearOutputs();
        p.onTimer(rec, TwoPhaseTimers.ASK);
        assertEquals(List.of(new RecordingContext.Sent<TwoPhaseMessage>(1, new DecisionRequest())), rec.sent);
        assertEquals(List.of("RMAsk"), names(rec));
        assertTrue(rec.timers.containsKey(TwoPhaseTimers.ASK), "keeps asking");
    }

    @Test
    void uncertainParticipantAsksPeersTooWithCooperation() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Participant p = started(rec, TwoPhaseOptions.defaults().withCooperative(true));
        p.onMessage(rec, 1, new Prepare());
        rec.clearOutputs();
        p.onTimer(rec, TwoPhaseTimers.ASK);
        assertEquals(List.of(new DecisionRequest()), rec.sentTo(1));
        assertEquals(List.of(new DecisionRequest()), rec.sentTo(3));
        assertEquals(List.of(new DecisionRequest()), rec.sentTo(4));
    }

    @Test
    void restartWhilePreparedStaysUncertainAndAsks() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Participant p = restarted(rec, RmState.PREPARED, TwoPhaseOptions.defaults());
        assertEquals(RmState.PREPARED, p.state());
        assertEquals(List.of("RMRestart", "RMAsk"), names(rec));
        assertEquals(List.of(new DecisionRequest()), rec.sentTo(1));
        assertTrue(rec.sentTo(3).isEmpty());
    }

    @Test
    void restartWhileWorkingAborts() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Participant p = restarted(rec, RmState.WORKING, TwoPhaseOptions.defaults());
        assertEquals(RmState.ABORTED, p.state());
        assertEquals(new TwoPhaseLog.Participant(RmState.ABORTED), rec.persisted);
        assertEquals(List.of("RMRestart"), names(rec));
    }

    @Test
    void restartAfterDecidingKeepsTheDecision() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Participant p = restarted(rec, RmState.COMMITTED, TwoPhaseOptions.defaults());
        assertEquals(RmState.COMMITTED, p.state());
        assertTrue(rec.sent.isEmpty());
    }

    @Test
    void flawForgetVoteOnRestartPresumesAbortDespiteTheLoggedYes() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Participant p = restarted(rec, RmState.PREPARED,
                TwoPhaseOptions.defaults().withFlaw(TwoPhaseFlaw.FORGET_VOTE_ON_RESTART));
        assertEquals(RmState.ABORTED, p.state());
        assertEquals(new TwoPhaseLog.Participant(RmState.ABORTED), rec.persisted);
        assertTrue(rec.sent.isEmpty(), "no longer asks: it thinks it knows");
    }

    @Test
    void peerThatHasNotVotedAbortsAndSaysSo() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Participant p = started(rec, TwoPhaseOptions.defaults().withCooperative(true));
        p.onMessage(rec, 3, new DecisionRequest());
        assertEquals(RmState.ABORTED, p.state());
        assertEquals(new TwoPhaseLog.Participant(RmState.ABORTED), rec.persisted);
        assertEquals(List.of(new Decision(false)), rec.sentTo(3));
        assertEquals(List.of("RMRcvDecisionRequest"), names(rec));
    }

    @Test
    void uncertainPeerStaysSilentAndDecidedPeerTells() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Participant p = started(rec, TwoPhaseOptions.defaults().withCooperative(true));
        p.onMessage(rec, 1, new Prepare());
        rec.clearOutputs();
        p.onMessage(rec, 3, new DecisionRequest());
        assertTrue(rec.sent.isEmpty(), "uncertain: nothing to tell");
        assertEquals(List.of("RMRcvDecisionRequest"), names(rec), "the delivery is still handled");
        p.onMessage(rec, 1, new Decision(true));
        rec.clearOutputs();
        p.onMessage(rec, 4, new DecisionRequest());
        assertEquals(List.of(new Decision(true)), rec.sentTo(4));
    }
}
