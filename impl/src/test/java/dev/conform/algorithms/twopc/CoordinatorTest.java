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

class CoordinatorTest {
    private static final List<Integer> NODES = List.of(1, 2, 3, 4);

    private static RecordingContext<TwoPhaseMessage> ctx() {
        return new RecordingContext<>(1, NODES);
    }

    private static Coordinator started(RecordingContext<TwoPhaseMessage> ctx, TwoPhaseOptions options) {
        Coordinator c = new Coordinator(1, NODES, null, options);
        c.onStart(ctx);
        ctx.clearOutputs();
        return c;
    }

    private static List<String> names(RecordingContext<TwoPhaseMessage> ctx) {
        return ctx.actions.stream().map(RecordingContext.Action::name).toList();
    }

    @Test
    void startLogsBegunBeforeSendingPrepareToEveryParticipant() {
        OrderedContext ctx = new OrderedContext(ctx());
        new Coordinator(1, NODES, null, TwoPhaseOptions.defaults()).onStart(ctx);
        ctx.handled();
        assertEquals(new TwoPhaseLog.Coordinator(TmState.WAITING), ctx.rec.persisted);
        assertTrue(ctx.first("persist") < ctx.first("send Prepare"));
        for (int r : List.of(2, 3, 4)) {
            assertEquals(List.of(new Prepare()), ctx.rec.sentTo(r));
        }
        assertEquals(List.of("TMPrepare"), names(ctx.rec));
        assertTrue(ctx.rec.timers.containsKey(TwoPhaseTimers.VOTE));
    }

    @Test
    void commitsOnlyWhenAllVotedYesAndLogsBeforeAnnouncing() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        OrderedContext ctx = new OrderedContext(rec);
        Coordinator c = started(rec, TwoPhaseOptions.defaults());
        c.onMessage(ctx, 2, new Vote(true));
        ctx.handled();
        c.onMessage(ctx, 3, new Vote(true));
        ctx.handled();
        assertEquals(TmState.WAITING, c.state());
        assertTrue(rec.sent.isEmpty());
        c.onMessage(ctx, 4, new Vote(true));
        ctx.handled();
        assertEquals(TmState.COMMITTED, c.state());
        assertEquals(new TwoPhaseLog.Coordinator(TmState.COMMITTED), rec.persisted);
        assertTrue(ctx.first("persist") < ctx.first("send Decision"));
        for (int r : List.of(2, 3, 4)) {
            assertEquals(List.of(new Decision(true)), rec.sentTo(r));
        }
        assertEquals(List.of("TMRcvVote", "TMRcvVote", "TMRcvVote", "TMCommit"), names(rec));
        assertEquals(Map.of("tmState", "committed", "tmPrepared", List.of(2, 3, 4), "tmAcked", List.of()),
                rec.actions.get(3).state());
        assertFalse(rec.timers.containsKey(TwoPhaseTimers.VOTE));
        assertTrue(rec.timers.containsKey(TwoPhaseTimers.RESEND));
    }

    @Test
    void oneNoVoteAborts() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Coordinator c = started(rec, TwoPhaseOptions.defaults());
        c.onMessage(rec, 2, new Vote(true));
        c.onMessage(rec, 3, new Vote(false));
        assertEquals(TmState.ABORTED, c.state());
        assertEquals(new TwoPhaseLog.Coordinator(TmState.ABORTED), rec.persisted);
        assertEquals(List.of(new Decision(false)), rec.sentTo(2));
        assertEquals(List.of(new Decision(false)), rec.sentTo(4));
        c.onMessage(rec, 4, new Vote(true));
        assertEquals(TmState.ABORTED, c.state(), "a late yes changes nothing");
    }

    @Test
    void voteTimeoutAborts() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Coordinator c = started(rec, TwoPhaseOptions.defaults());
        c.onMessage(rec, 2, new Vote(true));
        c.onTimer(rec, TwoPhaseTimers.VOTE);
        assertEquals(TmState.ABORTED, c.state());
        assertEquals(List.of("TMRcvVote", "TMAbort"), names(rec));
    }

    @Test
    void crashBeforeDecidingRecoversByAborting() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Coordinator c = started(rec, TwoPhaseOptions.defaults());
        c.onMessage(rec, 2, new Vote(true));
        c.onMessage(rec, 3, new Vote(true));
        // Crash: only the log survives; the two votes were volatile.
        RecordingContext<TwoPhaseMessage> after = ctx();
        Coordinator back = new Coordinator(1, NODES, rec.persisted, TwoPhaseOptions.defaults());
        back.onStart(after);
        assertEquals(TmState.ABORTED, back.state());
        assertEquals(new TwoPhaseLog.Coordinator(TmState.ABORTED), after.persisted);
        assertEquals(List.of("TMRestart"), names(after));
        for (int r : List.of(2, 3, 4)) {
            assertEquals(List.of(new Decision(false)), after.sentTo(r));
        }
    }

    @Test
    void crashAfterDecidingRecoversByAnnouncingAgain() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Coordinator c = started(rec, TwoPhaseOptions.defaults());
        for (int r : List.of(2, 3, 4)) {
            c.onMessage(rec, r, new Vote(true));
        }
        RecordingContext<TwoPhaseMessage> after = ctx();
        Coordinator back = new Coordinator(1, NODES, rec.persisted, TwoPhaseOptions.defaults());
        back.onStart(after);
        assertEquals(TmState.COMMITTED, back.state());
        assertEquals(null, after.persisted, "nothing new to log");
        for (int r : List.of(2, 3, 4)) {
            assertEquals(List.of(new Decision(true)), after.sentTo(r));
        }
        assertTrue(after.timers.containsKey(TwoPhaseTimers.RESEND));
    }

    @Test
    void recoversFromALogThatWentThroughJson() {
        Coordinator back = new Coordinator(1, NODES, Map.of("state", "COMMITTED"), TwoPhaseOptions.defaults());
        assertEquals(TmState.COMMITTED, back.state());
    }

    @Test
    void resendsOnlyToThoseThatHaveNotAcknowledged() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Coordinator c = started(rec, TwoPhaseOptions.defaults());
        c.onMessage(rec, 2, new Vote(false));
        c.onMessage(rec, 2, new Ack());
        c.onMessage(rec, 4, new Ack());
        rec.clearOutputs();
        c.onTimer(rec, TwoPhaseTimers.RESEND);
        assertEquals(List.of(new RecordingContext.Sent<TwoPhaseMessage>(3, new Decision(false))), rec.sent);
        assertEquals(List.of("TMResend"), names(rec));
        c.onMessage(rec, 3, new Ack());
        assertFalse(rec.timers.containsKey(TwoPhaseTimers.RESEND), "everyone acknowledged");
        assertEquals(List.of(2, 3, 4), List.copyOf(c.acked()));
    }

    @Test
    void answersDecisionRequestsOnlyOnceDecided() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Coordinator c = started(rec, TwoPhaseOptions.defaults());
        c.onMessage(rec, 3, new DecisionRequest());
        assertTrue(rec.sent.isEmpty(), "silent while undecided");
        assertEquals(List.of("TMRcvDecisionRequest"), names(rec), "the delivery is still handled");
        for (int r : List.of(2, 3, 4)) {
            c.onMessage(rec, r, new Vote(true));
        }
        rec.clearOutputs();
        c.onMessage(rec, 3, new DecisionRequest());
        assertEquals(List.of(new RecordingContext.Sent<TwoPhaseMessage>(3, new Decision(true))), rec.sent);
        assertEquals(List.of("TMRcvDecisionRequest"), names(rec));
    }

    @Test
    void flawCommitBeforeAllVotesCommitsOnTheFirstYes() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        Coordinator sound = started(rec, TwoPhaseOptions.defaults());
        sound.onMessage(rec, 2, new Vote(true));
        assertEquals(TmState.WAITING, sound.state());

        RecordingContext<TwoPhaseMessage> rec2 = ctx();
        Coordinator flawed = started(rec2, TwoPhaseOptions.defaults().withFlaw(TwoPhaseFlaw.COMMIT_BEFORE_ALL_VOTES));
        flawed.onMessage(rec2, 2, new Vote(true));
        assertEquals(TmState.COMMITTED, flawed.state());
        assertEquals(List.of(new Decision(true)), rec2.sentTo(4), "4 never voted yet is told to commit");
    }

    @Test
    void noTracePayloadIsBuiltWhenNotTracing() {
        RecordingContext<TwoPhaseMessage> rec = ctx();
        rec.tracing = false;
        new Coordinator(1, NODES, null, TwoPhaseOptions.defaults()).onStart(rec);
        assertTrue(rec.actions.isEmpty());
        assertEquals(3, rec.sent.size());
    }
}
