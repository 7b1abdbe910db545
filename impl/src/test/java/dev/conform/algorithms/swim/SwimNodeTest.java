package dev.conform.algorithms.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.swim.SwimMessage.Ack;
import dev.conform.algorithms.swim.SwimMessage.Join;
import dev.conform.algorithms.swim.SwimMessage.JoinAck;
import dev.conform.algorithms.swim.SwimMessage.Ping;
import dev.conform.algorithms.swim.SwimMessage.PingReq;
import dev.conform.algorithms.swim.SwimMessage.Update;
import dev.conform.runtime.EffectLog;
import dev.conform.runtime.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One SWIM member driven by hand: probing, suspicion, death, refutation, join, leave and rejoin. */
class SwimNodeTest {
    private static final List<Integer> FOUR = List.of(1, 2, 3, 4);
    private final SwimAlgorithm algo = new SwimAlgorithm();
    private final Options opts = algo.resolveOptions(Options.empty(), 7);

    private SwimNode node(int id, Options o, SwimState persisted) {
        return (SwimNode) algo.create(id, FOUR, persisted, o);
    }

    private static Update up(int member, String status, int inc) {
        return new Update(member, status, inc);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(EffectLog.Action a) {
        return (Map<String, Object>) ((Map<String, Object>) a.state()).get("view");
    }

    private static int inc(EffectLog.Action a) {
        return (Integer) ((Map<?, ?>) a.state()).get("inc");
    }

    @Test
    void optionsAreResolvedIntoTheHeader() {
        assertEquals(Map.of("period", "10", "probeTimeout", "3", "k", "2", "suspectTimeout", "30", "retransmit", "3",
                "piggyback", "6", "rounds", "20", "joiners", "0", "leaveAt", "0", "shuffleSeed", "7"), opts.values());
    }

    @Test
    void anUnansweredProbeGoesIndirectThenSuspectThenDead() {
        SwimNode n = node(1, opts, null);
        EffectLog<SwimMessage> ctx = new EffectLog<>(1, FOUR);
        ctx.start(n);
        assertEquals(List.of(), ctx.actionNames(), "a first start records nothing");
        assertEquals(new SwimState(0), ctx.persisted, "but persists incarnation 0, so a restart finds it");
        ctx.fire(n, SwimNode.PROBE);
        assertEquals(List.of("Probe"), ctx.actionNames());
        assertEquals(1, ctx.sent.size());
        int target = ctx.sent.get(0).to();
        Ping ping = assertInstanceOf(Ping.class, ctx.sent.get(0).msg());
        assertEquals(List.of(up(1, "alive", 0)), ping.updates(), "own entry first, nothing queued yet");
        ctx.clearOutputs();
        ctx.fire(n, SwimNode.PROBE_TIMEOUT);
        assertEquals(List.of("IndirectProbe"), ctx.actionNames());
        assertEquals(2, ctx.sent.size(), "k = 2 helpers");
        for (EffectLog.Sent<SwimMessage> s : ctx.sent) {
            PingReq r = assertInstanceOf(PingReq.class, s.msg());
            assertEquals(target, r.target());
            assertEquals(ping.seq(), r.seq());
            assertTrue(s.to() != target && s.to() != 1);
        }
        ctx.clearOutputs();
        ctx.fire(n, SwimNode.PROBE);
        assertEquals(List.of("Suspect", "Probe"), ctx.actionNames());
        assertEquals(Map.of(String.valueOf(target), Map.of("status", "suspect", "inc", 0)), view(ctx.actions.get(0)));
        assertTrue(ctx.timers.containsKey(SwimNode.SUSPECT_PREFIX + target));
        assertEquals(30, ctx.timers.get(SwimNode.SUSPECT_PREFIX + target).minTicks());
        ctx.clearOutputs();
        ctx.fire(n, SwimNode.SUSPECT_PREFIX + target);
        assertEquals(List.of("Confirm"), ctx.actionNames());
        assertEquals("dead", n.statusOf(target));
    }

    @Test
    void anAckInTimeEndsTheProbe() {
        SwimNode n = node(1, opts, null);
        EffectLog<SwimMessage> ctx = new EffectLog<>(1, FOUR);
        ctx.start(n);
        ctx.fire(n, SwimNode.PROBE);
        int target = ctx.sent.get(0).to();
        Ping ping = (Ping) ctx.sent.get(0).msg();
        ctx.deliver(n, target, new Ack(ping.seq(), List.of(up(target, "alive", 0))));
        assertFalse(ctx.timers.containsKey(SwimNode.PROBE_TIMEOUT), "the indirect probe is called off");
        ctx.clearOutputs();
        ctx.fire(n, SwimNode.PROBE);
        assertEquals(List.of("Probe"), ctx.actionNames(), "no suspicion");
        assertEquals("alive", n.statusOf(target));
    }

    @Test
    void noSuspicionFlawDeclaresDeathAtOnce() {
        SwimNode n = node(1, opts.withFlaw("no-suspicion"), null);
        EffectLog<SwimMessage> ctx = new EffectLog<>(1, FOUR);
        ctx.start(n);
        ctx.fire(n, SwimNode.PROBE);
        int target = ctx.sent.get(0).to();
        ctx.clearOutputs();
        ctx.fire(n, SwimNode.PROBE);
        assertEquals(List.of("Confirm", "Probe"), ctx.actionNames());
        assertEquals("dead", n.statusOf(target));
    }

    @Test
    void aSuspectedMemberRefutesAboveTheSuspicionBeforeItAnswers() {
        SwimNode n = node(2, opts, null);
        EffectLog<SwimMessage> ctx = new EffectLog<>(2, FOUR);
        ctx.start(n);
        ctx.clearOutputs();
        ctx.deliver(n, 1, new Ping(5, List.of(up(1, "alive", 0), up(2, "suspect", 0), up(3, "suspect", 0))));
        assertEquals(List.of("HandlePing", "Refute"), ctx.actionNames());
        assertEquals(Map.of("3", Map.of("status", "suspect", "inc", 0)), view(ctx.actions.get(0)), "only 3's entry changed");
        assertEquals(1, inc(ctx.actions.get(1)));
        assertEquals(new SwimState(1), ctx.persisted);
        assertTrue(ctx.first("persist") < ctx.first("send Ack"), "the new incarnation is durable before the Ack leaves");
        Ack ack = (Ack) ctx.sentTo(1).get(0);
        assertEquals(5, ack.seq());
        assertEquals(List.of(up(2, "alive", 1), up(3, "suspect", 0)), ack.updates(),
                "the refutation as its own entry, then what it learnt (the unchanged entry of 1 is not news)");
        assertTrue(ctx.timers.containsKey(SwimNode.SUSPECT_PREFIX + 3));
        ctx.clearOutputs();
        ctx.deliver(n, 1, new Ping(6, List.of(up(1, "alive", 0), up(3, "alive", 1))));
        assertFalse(ctx.timers.containsKey(SwimNode.SUSPECT_PREFIX + 3), "a higher incarnation ends the suspicion");
        assertEquals("alive", n.statusOf(3));
    }

    @Test
    void refuteSameIncarnationFlawKeepsTheIncarnationAndTakesAliveOverSuspect() {
        SwimNode n = node(2, opts.withFlaw("refute-same-incarnation"), null);
        EffectLog<SwimMessage> ctx = new EffectLog<>(2, FOUR);
        ctx.start(n);
        ctx.deliver(n, 1, new Ping(1, List.of(up(1, "alive", 0), up(2, "suspect", 0), up(3, "suspect", 0))));
        assertEquals(0, n.inc(), "refuted without a higher incarnation");
        ctx.deliver(n, 3, new Ping(1, List.of(up(3, "alive", 0))));
        assertEquals("alive", n.statusOf(3), "an Alive at the same incarnation beat the Suspect");
        SwimNode correct = node(2, opts, null);
        EffectLog<SwimMessage> c2 = new EffectLog<>(2, FOUR);
        c2.start(correct);
        c2.deliver(correct, 1, new Ping(1, List.of(up(1, "alive", 0), up(3, "suspect", 0))));
        c2.deliver(correct, 3, new Ping(1, List.of(up(3, "alive", 0))));
        assertEquals("suspect", correct.statusOf(3), "a correct member keeps the suspicion");
    }

    @Test
    void precedenceFollowsThePaper() {
        byte a = SwimView.ALIVE;
        byte s = SwimView.SUSPECT;
        byte d = SwimView.DEAD;
        byte l = SwimView.LEFT;
        assertTrue(SwimView.overrides(SwimView.ABSENT, 0, s, 0), "anything beats an absent entry");
        assertTrue(SwimView.overrides(a, 1, a, 2));
        assertFalse(SwimView.overrides(a, 1, a, 1), "equal: ignored");
        assertTrue(SwimView.overrides(s, 1, a, 2));
        assertFalse(SwimView.overrides(s, 1, a, 1), "Alive needs a higher incarnation over Suspect");
        assertTrue(SwimView.overrides(d, 1, a, 2), "a rejoined member");
        assertFalse(SwimView.overrides(d, 1, a, 1));
        assertTrue(SwimView.overrides(a, 1, s, 1));
        assertFalse(SwimView.overrides(a, 2, s, 1));
        assertTrue(SwimView.overrides(s, 1, s, 2));
        assertFalse(SwimView.overrides(s, 1, s, 1));
        assertFalse(SwimView.overrides(d, 0, s, 1), "Suspect never beats Dead");
        assertTrue(SwimView.overrides(s, 1, d, 1));
        assertTrue(SwimView.overrides(a, 1, d, 1));
        assertFalse(SwimView.overrides(d, 1, d, 1));
        assertFalse(SwimView.overrides(l, 1, d, 1), "Dead does not beat Left at the same incarnation");
        assertTrue(SwimView.overrides(d, 1, l, 1), "Left beats Dead at the same incarnation");
        assertTrue(SwimView.overrides(l, 1, a, 2), "a restarted leaver rejoins");
        assertFalse(SwimView.overrides(l, 1, l, 1));
    }

    @Test
    void aJoinerJoinsThroughTheSeed() {
        Options o = algo.resolveOptions(Options.empty().with("joiners", "1"), 7);
        SwimNode joiner = node(4, o, null);
        EffectLog<SwimMessage> jc = new EffectLog<>(4, FOUR);
        jc.start(joiner);
        jc.fire(joiner, SwimNode.PROBE);
        assertEquals(List.of("Join"), jc.actionNames());
        assertEquals(List.of(new Join(0)), jc.sentTo(1));
        SwimNode seed = node(1, o, null);
        EffectLog<SwimMessage> sc = new EffectLog<>(1, FOUR);
        sc.start(seed);
        assertEquals("absent", seed.statusOf(4), "the joiner is in no initial view");
        sc.deliver(seed, 4, new Join(0));
        assertEquals(List.of("HandleJoin"), sc.actionNames());
        assertEquals("alive", seed.statusOf(4));
        JoinAck ack = (JoinAck) sc.sentTo(4).get(0);
        assertEquals(List.of(up(1, "alive", 0), up(2, "alive", 0), up(3, "alive", 0), up(4, "alive", 0)), ack.members());
        jc.clearOutputs();
        jc.deliver(joiner, 1, ack);
        assertTrue(joiner.joined());
        assertEquals("alive", joiner.statusOf(3));
        jc.fire(joiner, SwimNode.PROBE);
        assertEquals(List.of("HandleJoinAck", "Probe"), jc.actionNames());
    }

    @Test
    void theLeaverLeavesAtItsRoundAndThenOnlyDiscards() {
        Options o = algo.resolveOptions(Options.empty().with("leaveAt", "1"), 7);
        SwimNode n = node(4, o, null);
        EffectLog<SwimMessage> ctx = new EffectLog<>(4, FOUR);
        ctx.start(n);
        ctx.fire(n, SwimNode.PROBE);
        Ping ping = (Ping) ctx.sent.get(0).msg();
        ctx.deliver(n, ctx.sent.get(0).to(), new Ack(ping.seq(), List.of()));
        ctx.clearOutputs();
        ctx.fire(n, SwimNode.PROBE);
        assertEquals(List.of("Leave"), ctx.actionNames());
        assertEquals(2, ctx.sent.size(), "to k members");
        assertEquals(up(4, "left", 0), ((Ping) ctx.sent.get(0).msg()).updates().get(0));
        assertTrue(n.hasLeft());
        assertTrue(ctx.timers.isEmpty(), "its timers stop");
        ctx.clearOutputs();
        ctx.deliver(n, 1, new Ping(3, List.of(up(1, "alive", 0))));
        assertEquals(List.of("Discard"), ctx.actionNames());
        assertTrue(ctx.sent.isEmpty());
    }

    @Test
    void aRestartedMemberRejoinsAtAHigherIncarnation() {
        SwimNode n = node(3, opts, new SwimState(4));
        EffectLog<SwimMessage> ctx = new EffectLog<>(3, FOUR);
        ctx.start(n);
        assertEquals(List.of("Rejoin"), ctx.actionNames());
        assertEquals(5, inc(ctx.actions.get(0)));
        assertEquals(new SwimState(5), ctx.persisted);
        assertEquals(Map.of("1", Map.of("status", "alive", "inc", 0), "2", Map.of("status", "alive", "inc", 0),
                "4", Map.of("status", "alive", "inc", 0)), view(ctx.actions.get(0)), "the whole initial view");
    }

    @Test
    void disseminationSendsLeastSentFirstAndStopsAfterTheBudget() {
        Disseminator q = new Disseminator(2, 2);
        q.add(up(1, "suspect", 0));
        q.add(up(2, "alive", 1));
        q.add(up(3, "dead", 0));
        List<Update> first = new java.util.ArrayList<>();
        q.take(first);
        assertEquals(List.of(up(3, "dead", 0), up(2, "alive", 1)), first, "newest first, at most piggyback");
        List<Update> second = new java.util.ArrayList<>();
        q.take(second);
        assertEquals(up(1, "suspect", 0), second.get(0), "the one never sent goes first");
        q.add(up(3, "alive", 1));
        List<Update> third = new java.util.ArrayList<>();
        q.take(third);
        assertEquals(List.of(up(3, "alive", 1), up(2, "alive", 1)), third,
                "a newer update replaces the queued one with a fresh budget; 3's dead was sent twice and is gone");
        assertEquals(2, q.size(), "2 has now been sent twice too");
    }

    @Test
    void messagesAndTheDurableStateSurviveTheWire() {
        List<Update> u = List.of(up(1, "alive", 2), up(3, "suspect", 1));
        List<SwimMessage> all = List.of(new Ping(4, u), new PingReq(5, 3, u), new Ack(4, u), new Join(1), new JoinAck(u));
        for (SwimMessage m : all) {
            assertEquals(m, dev.conform.runtime.Json.roundTrip(m, algo.messageTypes().get(m.getClass().getSimpleName())));
        }
        assertEquals(new SwimState(3), dev.conform.runtime.Json.roundTrip(new SwimState(3), algo.persistedType()));
    }

    @Test
    void noTracePayloadIsBuiltWhenTracingIsOff() {
        SwimNode n = node(1, opts, null);
        EffectLog<SwimMessage> ctx = new EffectLog<>(1, FOUR);
        ctx.tracing = false;
        ctx.start(n);
        ctx.fire(n, SwimNode.PROBE);
        ctx.fire(n, SwimNode.PROBE_TIMEOUT);
        ctx.fire(n, SwimNode.PROBE);
        assertEquals(2, ctx.sent.stream().filter(s -> s.msg() instanceof Ping).count(), "probing goes on, untraced");
        assertEquals(2, ctx.sent.stream().filter(s -> s.msg() instanceof PingReq).count());
    }
}
