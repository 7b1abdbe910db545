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

class CoordinatorTest {
    private static final List<Integer> NODES = List.of(1, 2, 3, 4);

    private static EffectLog<TwoPhaseMessage> ctx() {
        return new EffectLog<>(1, NODES);
    }

    private final EffectLog<TwoPhaseMessage> rec = ctx();

    private Coordinator started(TwoPhaseOptions options) {
        return started(rec, options);
    }

    private static Coordinator started(EffectLog<TwoPhaseMessage> ctx, TwoPhaseOptions options) {
        Coordinator c = new Coordinator(1, NODES, null, options);
        ctx.start(c);
        ctx.clearOutputs();
        return c;
    }

    @Test
    void startLogsBegunBeforeSendingPrepareToEveryParticipant() {
        rec.start(new Coordinator(1, NODES, null, TwoPhaseOptions.defaults()));
        assertEquals(new TwoPhaseLog.Coordinator(TmState.WAITING), rec.persisted);
        assertTrue(rec.first("persist") < rec.first("send Prepare"));
        for (int r : List.of(2, 3, 4)) {
            assertEquals(List.of(new Prepare()), rec.sentTo(r));
        }
        assertEquals(List.of("TMPrepare"), rec.actionNames());
        assertTrue(rec.timers.containsKey(TwoPhaseTimers.VOTE));
    }

    @Test
    void commitsOnlyWhenAllVotedYesAndLogsBeforeAnnouncing() {
        Coordinator c = started(TwoPhaseOptions.defaults());
        rec.deliver(c, 2, new Vote(true));
        rec.deliver(c, 3, new Vote(true));
        assertEquals(TmState.WAITING, c.state());
        assertTrue(rec.sent.isEmpty());
        rec.deliver(c, 4, new Vote(true));
        assertEquals(TmState.COMMITTED, c.state());
        assertEquals(new TwoPhaseLog.Coordinator(TmState.COMMITTED), rec.persisted);
        assertTrue(rec.first("persist") < rec.first("send Decision"));
        for (int r : List.of(2, 3, 4)) {
            assertEquals(List.of(new Decision(true)), rec.sentTo(r));
        }
        assertEquals(List.of("TMRcvVote", "TMRcvVote", "TMRcvVote", "TMCommit"), rec.actionNames());
        assertEquals(Map.of("tmState", "committed", "tmPrepared", List.of(2, 3, 4), "tmAcked", List.of()),
                rec.actions.get(3).state());
        assertFalse(rec.timers.containsKey(TwoPhaseTimers.VOTE));
        assertTrue(rec.timers.containsKey(TwoPhaseTimers.RESEND));
    }

    @Test
    void oneNoVoteAborts() {
        Coordinator c = started(TwoPhaseOptions.defaults());
        rec.deliver(c, 2, new Vote(true));
        rec.deliver(c, 3, new Vote(false));
        assertEquals(TmState.ABORTED, c.state());
        assertEquals(new TwoPhaseLog.Coordinator(TmState.ABORTED), rec.persisted);
        assertEquals(List.of(new Decision(false)), rec.sentTo(2));
        assertEquals(List.of(new Decision(false)), rec.sentTo(4));
        rec.deliver(c, 4, new Vote(true));
        assertEquals(TmState.ABORTED, c.state(), "a late yes changes nothing");
    }

    @Test
    void voteTimeoutAborts() {
        Coordinator c = started(TwoPhaseOptions.defaults());
        rec.deliver(c, 2, new Vote(true));
        rec.fire(c, TwoPhaseTimers.VOTE);
        assertEquals(TmState.ABORTED, c.state());
        assertEquals(List.of("TMRcvVote", "TMAbort"), rec.actionNames());
    }

    @Test
    void crashBeforeDecidingRecoversByAborting() {
        Coordinator c = started(TwoPhaseOptions.defaults());
        rec.deliver(c, 2, new Vote(true));
        rec.deliver(c, 3, new Vote(true));
        // Crash: only the log survives; the two votes were volatile.
        EffectLog<TwoPhaseMessage> after = ctx();
        Coordinator back = new Coordinator(1, NODES, rec.persisted, TwoPhaseOptions.defaults());
        after.start(back);
        assertEquals(TmState.ABORTED, back.state());
        assertEquals(new TwoPhaseLog.Coordinator(TmState.ABORTED), after.persisted);
        assertEquals(List.of("TMRestart"), after.actionNames());
        for (int r : List.of(2, 3, 4)) {
            assertEquals(List.of(new Decision(false)), after.sentTo(r));
        }
    }

    @Test
    void crashAfterDecidingRecoversByAnnouncingAgain() {
        Coordinator c = started(TwoPhaseOptions.defaults());
        for (int r : List.of(2, 3, 4)) {
            rec.deliver(c, r, new Vote(true));
        }
        EffectLog<TwoPhaseMessage> after = ctx();
        Coordinator back = new Coordinator(1, NODES, rec.persisted, TwoPhaseOptions.defaults());
        after.start(back);
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
        Coordinator c = started(TwoPhaseOptions.defaults());
        rec.deliver(c, 2, new Vote(false));
        rec.deliver(c, 2, new Ack());
        rec.deliver(c, 4, new Ack());
        rec.clearOutputs();
        rec.fire(c, TwoPhaseTimers.RESEND);
        assertEquals(List.of(new EffectLog.Sent<TwoPhaseMessage>(3, new Decision(false))), rec.sent);
        assertEquals(List.of("TMResend"), rec.actionNames());
        rec.deliver(c, 3, new Ack());
        assertFalse(rec.timers.containsKey(TwoPhaseTimers.RESEND), "everyone acknowledged");
        assertEquals(List.of(2, 3, 4), List.copyOf(c.acked()));
    }

    @Test
    void answersDecisionRequestsOnlyOnceDecided() {
        Coordinator c = started(TwoPhaseOptions.defaults());
        rec.deliver(c, 3, new DecisionRequest());
        assertTrue(rec.sent.isEmpty(), "silent while undecided");
        assertEquals(List.of("TMRcvDecisionRequest"), rec.actionNames(), "the delivery is still handled");
        for (int r : List.of(2, 3, 4)) {
            rec.deliver(c, r, new Vote(true));
        }
        rec.clearOutputs();
        rec.deliver(c, 3, new DecisionRequest());
        assertEquals(List.of(new EffectLog.Sent<TwoPhaseMessage>(3, new Decision(true))), rec.sent);
        assertEquals(List.of("TMRcvDecisionRequest"), rec.actionNames());
    }

    @Test
    void flawCommitBeforeAllVotesCommitsOnTheFirstYes() {
        Coordinator sound = started(TwoPhaseOptions.defaults());
        rec.deliver(sound, 2, new Vote(true));
        assertEquals(TmState.WAITING, sound.state());

        EffectLog<TwoPhaseMessage> rec2 = ctx();
        Coordinator flawed = started(rec2, TwoPhaseOptions.defaults().withFlaw(TwoPhaseFlaw.COMMIT_BEFORE_ALL_VOTES));
        rec2.deliver(flawed, 2, new Vote(true));
        assertEquals(TmState.COMMITTED, flawed.state());
        assertEquals(List.of(new Decision(true)), rec2.sentTo(4), "4 never voted yet is told to commit");
    }

    @Test
    void noTracePayloadIsBuiltWhenNotTracing() {
        rec.tracing = false;
        rec.start(new Coordinator(1, NODES, null, TwoPhaseOptions.defaults()));
        assertTrue(rec.actions.isEmpty());
        assertEquals(3, rec.sent.size());
    }
}
