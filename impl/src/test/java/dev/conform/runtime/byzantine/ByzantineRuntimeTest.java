package dev.conform.runtime.byzantine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.Algorithms;
import dev.conform.runtime.JsonBytesSink;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.FaultPlans;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByzantineRuntimeTest {
    private static final List<Integer> FOUR = List.of(1, 2, 3, 4);

    private static Simulator<Tally.Vote> sim(Tally algo, int servers, FaultPlan plan, TraceSink sink, NetSemantics net) {
        SimConfig cfg = SimConfig.of(servers, 17).withNet(net).withMaxSteps(10_000);
        return new Simulator<>(algo, cfg, plan, sink);
    }

    private static ListSink run(FaultPlan plan) {
        ListSink sink = new ListSink();
        sim(new Tally(), 4, plan, sink, NetSemantics.RELIABLE).run();
        return sink;
    }

    private static FaultPlan byzantine(long at, int node, String... behaviours) {
        return FaultPlan.of(new FaultEvent.Byzantine(at, node, List.of(behaviours)));
    }

    private static String refusal(int servers, FaultPlan plan) {
        return assertThrows(IllegalArgumentException.class,
                () -> sim(new Tally(), servers, plan, TraceSink.noop(), NetSemantics.RELIABLE)).getMessage();
    }

    @Test
    void aPlanBeyondTheToleranceIsRefusedNamingTheEvent() {
        assertEquals("fault plan: byzantine at 5 of node 2: tally tolerates no Byzantine servers",
                refusal(3, byzantine(5, 2, "lie")));
        String two = refusal(4, FaultPlan.of(new FaultEvent.Byzantine(0, 1, List.of("lie")),
                new FaultEvent.Byzantine(9, 3, List.of("silence"))));
        assertEquals("fault plan: byzantine at 9 of node 3: makes 2 servers [1, 3] Byzantine, but tally with 4"
                + " servers tolerates 1", two);
        assertTrue(refusal(4, byzantine(0, 2, "bribe")).contains("unknown behaviour 'bribe'; known: echo, lie, silence"));
        assertTrue(refusal(4, byzantine(0, 2)).contains("names no behaviour"));
        assertTrue(refusal(4, byzantine(0, 7, "lie")).contains("names node 7, which is not a server"));
        // the same node twice is one Byzantine server (it may change behaviours)
        sim(new Tally(), 4, FaultPlan.of(new FaultEvent.Byzantine(0, 2, List.of("lie")),
                new FaultEvent.Byzantine(30, 2, List.of("silence"))), TraceSink.noop(), NetSemantics.RELIABLE).run();
        // seven servers tolerate two
        sim(new Tally(), 7, FaultPlan.of(new FaultEvent.Byzantine(0, 2, List.of("lie")),
                new FaultEvent.Byzantine(0, 5, List.of("lie"))), TraceSink.noop(), NetSemantics.RELIABLE).run();
    }

    @Test
    void anAlgorithmWithoutToleranceRefusesEveryByzantineEvent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Algorithms.checkPlan(
                Algorithms.byName("raft"), FOUR, Options.empty(), byzantine(0, 1, "lie")));
        assertEquals("fault plan: byzantine at 0 of node 1: raft tolerates no Byzantine servers", e.getMessage());
    }

    @Test
    void theAdversaryReplacesTheSendsFromItsTimeOnAndTheFaultIsRecordedOnTheNode() {
        ListSink sink = run(byzantine(15, 2, "lie"));
        List<TraceEvent> faults = sink.of(EventKind.FAULT);
        assertEquals(1, faults.size());
        TraceEvent f = faults.get(0);
        assertEquals(2, f.node());
        assertEquals("byzantine", f.action());
        assertEquals(new FaultEvent.Byzantine(15, 2, List.of("lie")), f.state());
        long at = f.seq();
        int before = 0;
        int after = 0;
        for (TraceEvent e : sink.of(EventKind.SEND)) {
            Tally.Vote v = (Tally.Vote) e.msg().body();
            boolean lie = v.value() < 0;
            if (e.node() == 2 && e.seq() > at) {
                assertTrue(lie, "a Byzantine send after the fault tells the truth: " + e);
                after++;
            } else {
                assertFalse(lie, "an honest send lies: " + e);
                before += e.node() == 2 ? 1 : 0;
            }
        }
        assertEquals(6, before, "round 0 and 1 (t = 0, 10) of node 2 are honest");
        assertEquals(6, after, "rounds 2 and 3 (t = 20, 30) are the adversary's");
        // its handlers still run the honest code and record their actions
        assertEquals(4, sink.where(e -> e.kind() == EventKind.ACTION && e.node() == 2 && e.action().equals("Vote")).size());
        assertEquals(12, sink.where(e -> e.kind() == EventKind.ACTION && e.node() == 2 && e.action().equals("Count")).size());
    }

    @Test
    void aSilentServerSendsNothingAndAnEchoingOneSendsWhatItReceived() {
        ListSink silent = run(byzantine(0, 3, "silence"));
        assertTrue(silent.where(e -> e.kind() == EventKind.SEND && e.node() == 3).isEmpty());
        assertEquals(12 * 3, silent.of(EventKind.SEND).size());

        Tally algo = new Tally();
        ListSink echo = new ListSink();
        sim(algo, 4, byzantine(0, 3, "echo"), echo, NetSemantics.RELIABLE).run();
        List<TraceEvent> back = echo.where(e -> e.kind() == EventKind.SEND && e.node() == 3
                && ((Tally.Vote) e.msg().body()).voter() != 3);
        assertEquals(12, back.size(), "every vote node 3 got goes back to its voter");
        for (TraceEvent e : back) {
            assertEquals(((Tally.Vote) e.msg().body()).voter(), e.msg().to());
        }
        assertEquals(1, algo.adversaries.size());
        assertEquals(12, algo.adversaries.get(0).seen.size(), "the adversary saw each delivery once");
        assertEquals(17, algo.adversaries.get(0).setup.runSeed());
        assertEquals(3, algo.adversaries.get(0).setup.id());
    }

    @Test
    void theAdversaryDrawsNothingFromTheSimulatorsStream() {
        // On a lossy network every send draws its fate; a lying server sends as many messages as
        // an honest one, so every fate, delivery and timer is that of the honest run.
        ListSink honest = new ListSink();
        sim(new Tally(), 4, FaultPlan.none(), honest, NetSemantics.UNRELIABLE).run();
        ListSink lying = new ListSink();
        sim(new Tally(), 4, byzantine(0, 1, "lie"), lying, NetSemantics.UNRELIABLE).run();
        List<TraceEvent> h = honest.events;
        List<TraceEvent> l = lying.where(e -> e.kind() != EventKind.FAULT);
        assertEquals(h.size(), l.size());
        for (int i = 0; i < h.size(); i++) {
            assertEquals(h.get(i).kind(), l.get(i).kind());
            assertEquals(h.get(i).node(), l.get(i).node());
            if (h.get(i).msg() != null) {
                assertEquals(h.get(i).msg().id(), l.get(i).msg().id());
                assertEquals(h.get(i).msg().to(), l.get(i).msg().to());
            }
        }
    }

    @Test
    void aByzantineRunReplaysByteForByteAndItsPlanSurvivesJson(@TempDir Path dir) throws Exception {
        FaultPlan plan = FaultPlan.of(new FaultEvent.Byzantine(0, 4, List.of("echo", "lie")),
                new FaultEvent.Crash(12, 4), new FaultEvent.Restart(25, 4));
        Path file = dir.resolve("plan.json");
        FaultPlans.write(plan, file);
        assertTrue(Files.readString(file).contains("\"type\" : \"byzantine\""));
        assertEquals(plan, FaultPlans.read(file));
        JsonBytesSink a = new JsonBytesSink();
        JsonBytesSink b = new JsonBytesSink();
        sim(new Tally(), 4, plan, a, NetSemantics.UNRELIABLE).run();
        sim(new Tally(), 4, FaultPlans.read(file), b, NetSemantics.UNRELIABLE).run();
        assertArrayEquals(a.bytes(), b.bytes());
        // the mark outlives the crash: after its restart node 4 still lies
        ListSink sink = run(plan);
        long restart = sink.of(EventKind.RESTART).get(0).seq();
        assertFalse(sink.where(e -> e.kind() == EventKind.SEND && e.node() == 4 && e.seq() > restart).isEmpty());
        for (TraceEvent e : sink.where(e -> e.kind() == EventKind.SEND && e.node() == 4 && e.seq() > restart)) {
            Tally.Vote v = (Tally.Vote) e.msg().body();
            assertTrue(v.value() < 0 || v.voter() != 4, "after its restart node 4 lies: " + e);
        }
    }
}
