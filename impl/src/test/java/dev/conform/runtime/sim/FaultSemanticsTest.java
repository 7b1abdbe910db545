package dev.conform.runtime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.broadcast.BroadcastAlgorithm;
import dev.conform.algorithms.broadcast.BroadcastNode;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.FaultPlans;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultSemanticsTest {
    private static final Options FIVE = Options.empty().with("count", 5);

    private static Simulator<?> broadcast(FaultPlan plan, ListSink sink, NetSemantics net, long steps) {
        SimConfig cfg = SimConfig.of(3, 11).withNet(net).withMaxSteps(steps).withOptions(FIVE);
        Simulator<?> sim = new Simulator<>(new BroadcastAlgorithm(), cfg, plan, sink);
        sim.run();
        return sim;
    }

    @Test
    void partitionBlocksEveryMessageAcrossIt() {
        ListSink sink = new ListSink();
        Simulator<?> sim = broadcast(FaultPlan.of(new FaultEvent.Isolate(0, 3)), sink, NetSemantics.RELIABLE, 5_000);
        for (TraceEvent e : sink.of(EventKind.DELIVER)) {
            assertFalse(e.msg().from() == 3 || e.msg().to() == 3, "delivered across the partition: " + e);
        }
        BroadcastNode n3 = (BroadcastNode) sim.node(3);
        assertEquals(0, n3.deliveredFrom(1));
        assertEquals(5, n3.deliveredFrom(3));
        assertEquals(5, ((BroadcastNode) sim.node(1)).deliveredFrom(2), "the majority side still works");
        assertFalse(sink.where(e -> e.kind() == EventKind.DROP && e.msg().to() == 3).isEmpty());
    }

    @Test
    void healedPartitionLetsRetransmissionFinishTheJob() {
        ListSink sink = new ListSink();
        FaultPlan plan = FaultPlan.of(FaultPlans.halves(0, List.of(1, 2, 3)), new FaultEvent.Heal(200));
        RunResult r = runBroadcast(plan, sink);
        assertEquals(StopReason.STOP_CONDITION, r.reason());
        assertTrue(r.time() > 200);
    }

    private static RunResult runBroadcast(FaultPlan plan, ListSink sink) {
        SimConfig cfg = SimConfig.of(3, 11).withMaxSteps(50_000).withOptions(FIVE);
        return new Simulator<>(new BroadcastAlgorithm(), cfg, plan, sink).run();
    }

    @Test
    void crashLosesVolatileStateAndRestartRestoresPersistedState() {
        ListSink sink = new ListSink();
        // Ticks at 2,4,6,...: at t=7 the count is 3 and only 2 was persisted.
        FaultPlan plan = FaultPlan.of(new FaultEvent.Crash(7, 2), new FaultEvent.Restart(9, 2));
        SimConfig cfg = SimConfig.of(2, 1).withMaxTime(10);
        Simulator<Keeper.Ping> sim = new Simulator<>(new Keeper(), cfg, plan, sink);
        RunResult r = sim.run();
        assertEquals(StopReason.TIME_BUDGET, r.reason());
        Keeper.KeeperNode n2 = (Keeper.KeeperNode) sim.node(2);
        assertEquals(2, n2.restoredFrom, "restarted from the persisted value, not the volatile 3");
        assertEquals(1, n2.starts, "a fresh object after the restart");
        Keeper.KeeperNode n1 = (Keeper.KeeperNode) sim.node(1);
        assertEquals(5, n1.count, "the other node ran on");
        assertEquals(1, sink.of(EventKind.CRASH).size());
        TraceEvent restart = sink.of(EventKind.RESTART).get(0);
        assertEquals(2, restart.node());
        assertEquals(Map.of("count", 2), restart.state());
    }

    @Test
    void crashedNodeIsGoneAndItsTimersDoNotFire() {
        ListSink sink = new ListSink();
        SimConfig cfg = SimConfig.of(2, 1).withMaxTime(50);
        Simulator<Keeper.Ping> sim = new Simulator<>(new Keeper(), cfg, FaultPlan.of(new FaultEvent.Crash(5, 2)), sink);
        sim.run();
        assertNull(sim.node(2));
        assertNotNull(sim.node(1));
        for (TraceEvent e : sink.of(EventKind.TIMER)) {
            assertFalse(e.node() == 2 && e.seq() > sink.of(EventKind.CRASH).get(0).seq(), "timer after crash");
        }
        assertEquals(Map.of("count", 2), sim.persisted(2), "ticks at t=2 and t=4, the second persisted");
    }

    @Test
    void messagesInFlightToACrashedNodeAreDropped() {
        ListSink sink = new ListSink();
        // The ping node 2 sends at t=2 would arrive at t=5; node 1 crashes at t=3.
        SimConfig cfg = SimConfig.of(2, 1).withDelay(3, 3).withMaxTime(6);
        new Simulator<>(new Keeper(), cfg, FaultPlan.of(new FaultEvent.Crash(3, 1)), sink).run();
        assertTrue(sink.of(EventKind.DELIVER).isEmpty());
        assertEquals(1, sink.where(e -> e.kind() == EventKind.DROP && e.node() == 1).size());
    }

    @Test
    void restartedBroadcastNodeNeverDeliversTwiceAndCatchesUp() {
        ListSink sink = new ListSink();
        FaultPlan plan = FaultPlan.of(new FaultEvent.Crash(6, 2), new FaultEvent.Restart(60, 2));
        RunResult r = runBroadcast(plan, sink);
        assertEquals(StopReason.STOP_CONDITION, r.reason());
        Set<String> seen = new HashSet<>();
        for (TraceEvent e : sink.where(e -> "Deliver".equals(e.action()))) {
            Map<?, ?> s = (Map<?, ?>) e.state();
            assertTrue(seen.add(e.node() + "/" + s.get("origin") + "/" + s.get("seq")), "delivered twice: " + e);
        }
        assertEquals(1, sink.of(EventKind.RESTART).size());
    }

    @Test
    void reliableLinksAreFifo() {
        ListSink sink = new ListSink();
        SimConfig cfg = SimConfig.of(4, 3).withDelay(1, 30).withMaxSteps(20_000).withOptions(FIVE);
        new Simulator<>(new BroadcastAlgorithm(), cfg, FaultPlan.none(), sink).run();
        Map<String, Long> lastId = new HashMap<>();
        for (TraceEvent e : sink.of(EventKind.DELIVER)) {
            String link = e.msg().from() + ">" + e.msg().to();
            long prev = lastId.getOrDefault(link, 0L);
            assertTrue(e.msg().id() > prev, "overtaken on " + link);
            lastId.put(link, e.msg().id());
        }
        assertTrue(sink.of(EventKind.DROP).isEmpty());
        assertTrue(sink.of(EventKind.DUPLICATE).isEmpty());
    }

    @Test
    void unreliableLinksLoseDuplicateAndReorder() {
        ListSink sink = new ListSink();
        SimConfig cfg = SimConfig.of(4, 3).withNet(NetSemantics.UNRELIABLE).withRates(10, 10)
                .withDelay(1, 30).withMaxSteps(50_000).withOptions(FIVE);
        RunResult r = new Simulator<>(new BroadcastAlgorithm(), cfg, FaultPlan.none(), sink).run();
        assertEquals(StopReason.STOP_CONDITION, r.reason(), "retransmission overcomes loss");
        assertFalse(sink.of(EventKind.DROP).isEmpty());
        assertFalse(sink.of(EventKind.DUPLICATE).isEmpty());
        boolean overtaken = false;
        Map<String, Long> lastId = new HashMap<>();
        for (TraceEvent e : sink.of(EventKind.DELIVER)) {
            String link = e.msg().from() + ">" + e.msg().to();
            overtaken |= e.msg().id() < lastId.getOrDefault(link, 0L);
            lastId.put(link, e.msg().id());
        }
        assertTrue(overtaken, "some message overtook another");
    }

    @Test
    void skewStretchesTimers() {
        ListSink sink = new ListSink();
        SimConfig cfg = SimConfig.of(2, 1).withMaxTime(40);
        new Simulator<>(new Keeper(), cfg, FaultPlan.of(new FaultEvent.Skew(0, 2, 200, 0)), sink).run();
        long t1 = sink.where(e -> e.kind() == EventKind.TIMER && e.node() == 1).size();
        long t2 = sink.where(e -> e.kind() == EventKind.TIMER && e.node() == 2).size();
        assertEquals(20, t1);
        assertEquals(10, t2);
    }

    @Test
    void clocksFollowCausality() {
        ListSink sink = new ListSink();
        SimConfig cfg = SimConfig.of(3, 5).withMaxSteps(5_000).withOptions(FIVE);
        new Simulator<>(new BroadcastAlgorithm(), cfg, FaultPlan.none(), sink).run();
        Map<Long, TraceEvent> sends = new HashMap<>();
        long seq = 0;
        for (TraceEvent e : sink.events) {
            assertEquals(seq + 1, e.seq(), "events are numbered 1, 2, 3, ...");
            seq = e.seq();
            if (e.kind() == EventKind.SEND) {
                sends.put(e.msg().id(), e);
            } else if (e.kind() == EventKind.DELIVER) {
                TraceEvent s = sends.get(e.msg().id());
                assertTrue(s.vc().lessOrEqual(e.vc()) && !s.vc().equals(e.vc()));
                assertTrue(s.lamport() < e.lamport());
            }
        }
    }
}
