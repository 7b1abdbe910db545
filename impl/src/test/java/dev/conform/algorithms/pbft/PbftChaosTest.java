package dev.conform.algorithms.pbft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.linearizability.Budget;
import dev.conform.checker.linearizability.History;
import dev.conform.checker.linearizability.Linearizability;
import dev.conform.checker.linearizability.Model;
import dev.conform.checker.linearizability.TraceHistory;
import dev.conform.checker.linearizability.Verdict;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.Verdicts;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.runtime.sim.StopReason;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.io.NdjsonSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The correct PBFT under seeded crash and partition chaos, and without faults. */
class PbftChaosTest {

    @Test
    void isRegistered() {
        assertInstanceOf(PbftAlgorithm.class, Algorithms.byName("pbft"));
    }

    /**
     * 30 chaos runs (crashes, restarts, partitions, loss, duplicates, skew, and on some seeds a
     * Byzantine replica): every trace keeps the Java invariants; every run finishes its workload (a
     * replica that fell behind the others' stable checkpoint catches up by state transfer); across
     * them views change, checkpoints become stable, replicas restart and install state, and both
     * crash-only and Byzantine plans occur.
     */
    @Test
    void mixedChaosConforms() {
        List<String> failures = new ArrayList<>();
        Map<String, Long> actions = new HashMap<>();
        int restarts = 0;
        int finished = 0;
        int byzantine = 0;
        int seeds = 30;
        for (long seed = 1; seed <= seeds; seed++) {
            ListSink sink = new ListSink();
            RunResult r = PbftRuns.run(seed, PbftRuns.OPTIONS, sink);
            ReplayResult v = Verdicts.judge(sink);
            if (!v.conforms()) {
                failures.add("seed " + seed + ": " + r + " " + Verdicts.describe(v) + "\n  " + PbftRuns.replay(seed, null));
            }
            finished += r.reason() == StopReason.STOP_CONDITION ? 1 : 0;
            v.coverage().actions().forEach((a, k) -> actions.merge(a, k, Long::sum));
            restarts += sink.of(EventKind.RESTART).size();
            byzantine += sink.of(EventKind.FAULT).stream().anyMatch(f -> "byzantine".equals(f.action())) ? 1 : 0;
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(seeds, finished, finished + " of " + seeds + " runs finished their workload");
        for (String a : List.of("ReceiveRequest", "HandlePrePrepare", "HandlePrepare", "HandleCommit", "Execute",
                "HandleCheckpoint", "StartViewChange", "HandleViewChange", "SendNewView", "HandleNewView", "Ignore",
                "AcceptResult", "RequestState", "HandleStateRequest", "InstallState")) {
            assertTrue(actions.getOrDefault(a, 0L) > 0, "sometimes " + a + ": " + actions);
        }
        assertTrue(restarts > 0, "replicas restarted");
        assertTrue(byzantine > 0 && byzantine < seeds, byzantine + " of " + seeds + " plans had a Byzantine replica");
    }

    /**
     * Without a fault plan, 4 and 7 replicas: every client's workload completes, the trace
     * conforms, and the clients' history (invocation: first ClientRequest send, completion:
     * AcceptResult) is linearizable in the key-value model.
     */
    @Test
    void faultFreeRunsCompleteLinearizably() {
        for (int servers : new int[] {4, 7}) {
            for (long seed = 1; seed <= 3; seed++) {
                ListSink sink = new ListSink();
                Simulator<PbftMessage> sim = new Simulator<>(new PbftAlgorithm(), SimConfig.of(servers, seed)
                        .withNet(NetSemantics.UNRELIABLE).withMaxSteps(200_000)
                        .withOptions(Options.empty().with("clients", 2).with("ops", 8)), FaultPlan.none(), sink);
                assertEquals(StopReason.STOP_CONDITION, sim.run().reason(), servers + " servers, seed " + seed);
                ReplayResult v = Verdicts.judge(sink);
                assertTrue(v.conforms(), Verdicts.describe(v));
                for (int c : sim.clients()) {
                    assertEquals(8, ((PbftClient) sim.node(c)).history().size());
                }
                History h = TraceHistory.of("pbft-" + seed, sink.header, sink.events);
                assertEquals(16, h.operations().size());
                assertTrue(h.operations().stream().allMatch(o -> o.complete() != dev.conform.checker.linearizability.Operation.PENDING),
                        "every operation completed by AcceptResult");
                assertEquals(Verdict.OK, Linearizability.check(h, Model.byName("kv"), Budget.defaults()).verdict());
            }
        }
    }

    /** Only n = 3f+1 replicas: other counts are refused when the nodes are built. */
    @Test
    void refusesOtherServerCounts() {
        Options o = new PbftAlgorithm().resolveOptions(Options.empty(), 1);
        for (int n : new int[] {1, 3, 5, 6}) {
            List<Integer> servers = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                servers.add(i);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new PbftAlgorithm().create(1, servers, null, o));
            assertTrue(e.getMessage().contains("3f+1"), e.getMessage());
        }
    }

    /** The same seed, plan and options give the same trace, byte for byte (keys and signatures included). */
    @Test
    void sameSeedSameBytes(@TempDir Path tmp) throws Exception {
        for (long seed : new long[] {3, 11}) {
            byte[][] runs = new byte[2][];
            for (int i = 0; i < 2; i++) {
                Path f = tmp.resolve("pbft-" + seed + "-" + i + ".ndjson");
                try (NdjsonSink sink = new NdjsonSink(f)) {
                    SimConfig cfg = SimConfig.of(4, seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(PbftRuns.STEPS)
                            .withOptions(PbftRuns.OPTIONS);
                    new Simulator<>(new PbftAlgorithm(), cfg, PbftRuns.plan(seed, PbftRuns.OPTIONS), sink).run();
                }
                runs[i] = Files.readAllBytes(f);
            }
            assertTrue(runs[0].length > 10_000, "a real run");
            assertArrayEquals(runs[0], runs[1], "seed " + seed);
        }
    }
}
