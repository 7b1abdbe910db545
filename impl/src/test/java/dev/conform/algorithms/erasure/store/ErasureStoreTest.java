package dev.conform.algorithms.erasure.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.raft.kv.KvClientNode;
import dev.conform.algorithms.raft.kv.KvCommand;
import dev.conform.algorithms.raft.kv.KvWorkload;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.Options;
import dev.conform.runtime.Verdicts;
import dev.conform.runtime.nemesis.DiskLoss;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.runtime.sim.StopReason;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store's behaviour on small planned runs, and its options. */
class ErasureStoreTest {

    private static Simulator<ErasureMessage> sim(long seed, Options options, FaultPlan plan, ListSink sink) {
        Options resolved = new ErasureAlgorithm().resolveOptions(options, seed);
        SimConfig cfg = SimConfig.of(ErasureAlgorithm.config(resolved).storageNodes() + 1, seed).withMaxSteps(50_000)
                .withOptions(options);
        return new Simulator<>(new ErasureAlgorithm(), cfg, plan, sink);
    }

    /** Without faults on a reliable network every get returns the last put of its key, in the clients' history. */
    @Test
    void readsReturnTheLastAcknowledgedPut() {
        ListSink sink = new ListSink();
        Simulator<ErasureMessage> s = sim(4, Options.empty().with("clients", 1).with("ops", 30).with("keys", 2)
                .with("k", 3).with("m", 2), FaultPlan.none(), sink);
        assertEquals(StopReason.STOP_CONDITION, s.run().reason());
        ReplayResult v = Verdicts.judge(sink);
        assertTrue(v.conforms(), Verdicts.describe(v));
        Map<String, String> model = new HashMap<>();
        int gets = 0;
        for (KvClientNode.Completed c : ((KvClientNode<?>) s.node(s.clients().get(0))).history()) {
            if (c.op().kind() == KvCommand.Kind.PUT) {
                model.put(c.op().key(), c.op().value());
            } else {
                assertEquals(model.get(c.op().key()), c.result(), "get " + c.op().key() + " (null: never written)");
                gets++;
            }
        }
        assertTrue(gets > 5, "the workload reads: " + gets);
    }

    /**
     * A storage node that crashes, loses its disk and restarts holds nothing; the next repair
     * rounds rebuild its shards byte for byte, and the run conforms.
     */
    @Test
    void repairRebuildsTheShardsOfAWipedNode() {
        ListSink sink = new ListSink();
        Options o = Options.empty().with("clients", 1).with("ops", 30).with("keys", 1).with("diskLoss", true)
                .with("repairEvery", 30).with("retry", 60);
        FaultPlan plan = FaultPlan.of(new FaultEvent.Crash(100, 3), new FaultEvent.Wipe(101, 3),
                new FaultEvent.Restart(110, 3));
        Simulator<ErasureMessage> s = sim(2, o, plan, sink);
        s.run();
        ReplayResult v = Verdicts.judge(sink);
        assertTrue(v.conforms(), Verdicts.describe(v));
        List<TraceEvent> wipes = sink.of(EventKind.FAULT).stream().filter(e -> "wipe".equals(e.action())).toList();
        assertEquals(1, wipes.size());
        TraceEvent restart = sink.of(EventKind.RESTART).get(0);
        assertEquals(3, restart.node());
        assertEquals(null, restart.state(), "a wiped node restarts from nothing");
        assertTrue(v.coverage().actions().getOrDefault("RepairShard", 0L) > 0, v.coverage().actions().toString());
        StorageDurable after = (StorageDurable) dev.conform.runtime.Json.mapper()
                .convertValue(s.persisted(3), StorageDurable.class);
        assertTrue(!after.shards().isEmpty(), "node 3 holds shards again: " + after);
    }

    /** A wipe of a node that is up changes nothing and is not recorded, as a restart of a running node. */
    @Test
    void aWipeOfARunningNodeIsSkipped() {
        ListSink sink = new ListSink();
        Options o = Options.empty().with("clients", 1).with("ops", 4).with("diskLoss", true);
        sim(2, o, FaultPlan.of(new FaultEvent.Wipe(20, 2)), sink).run();
        assertTrue(sink.of(EventKind.FAULT).isEmpty());
        assertTrue(Verdicts.judge(sink).conforms());
    }

    @Test
    void optionsAreResolvedIntoTheHeaderAndBadOnesRefused() {
        Options r = new ErasureAlgorithm().resolveOptions(Options.empty().with("k", 3), 1);
        assertEquals("3", r.get("k", null));
        assertEquals("1", r.get("m", null));
        assertEquals("4", r.get("writeQuorum", null));
        assertEquals("false", r.get("diskLoss", null));
        assertEquals(5, new ErasureAlgorithm().defaultServers(r));
        assertThrows(IllegalArgumentException.class,
                () -> new ErasureAlgorithm().resolveOptions(Options.empty().with("writeQuorum", 1), 1));
        IllegalArgumentException wrongCount = assertThrows(IllegalArgumentException.class,
                () -> new ErasureAlgorithm().create(1, List.of(1, 2, 3), null, Options.empty()));
        assertTrue(wrongCount.getMessage().contains("needs 4 servers"), wrongCount.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ErasureAlgorithm.config(Options.empty().withFlaw("nope")));
    }

    /** Disk loss is opt-in: W - k wipes of storage nodes with diskLoss=true, none otherwise. */
    @Test
    void diskLossIsOptIn() {
        ErasureAlgorithm a = new ErasureAlgorithm();
        assertEquals(DiskLoss.NONE, a.diskLoss(List.of(1, 2, 3, 4), Options.empty()));
        assertEquals(new DiskLoss(List.of(2, 3, 4), 1), a.diskLoss(List.of(1, 2, 3, 4), Options.empty().with("diskLoss", true)));
        assertEquals(new DiskLoss(List.of(2, 3, 4, 5, 6), 2),
                a.diskLoss(List.of(1, 2, 3, 4, 5, 6), Options.empty().with("diskLoss", true).with("k", 3).with("m", 2)));
        assertEquals(0, a.diskLoss(List.of(1, 2, 3, 4), Options.empty().with("diskLoss", true).with("writeQuorum", 2))
                .maxWipes());
    }

    /** The put/get workload: deterministic, half puts and half gets roughly, no cas or append. */
    @Test
    void putsAndGetsWorkload() {
        List<KvCommand> a = KvWorkload.putsAndGets(9, 101, 200, 3);
        assertEquals(a, KvWorkload.putsAndGets(9, 101, 200, 3));
        long puts = a.stream().filter(c -> c.kind() == KvCommand.Kind.PUT).count();
        assertTrue(a.stream().allMatch(c -> c.kind() == KvCommand.Kind.PUT || c.kind() == KvCommand.Kind.GET));
        assertTrue(puts > 60 && puts < 140, "puts: " + puts);
    }
}
