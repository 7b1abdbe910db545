package dev.conform.algorithms.paxos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.raft.kv.KvClientNode;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Verdicts;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
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

/** The correct Multi-Paxos under seeded chaos: every workload completes and every trace keeps the invariants. */
class PaxosChaosTest {

    @Test
    void isRegistered() {
        assertInstanceOf(PaxosAlgorithm.class, Algorithms.byName("paxos"));
    }

    /**
     * 40 chaos runs (crashes, restarts, partitions, loss, duplicates): each stops because both
     * clients finished and conforms to the Java invariants; across them ballots compete, servers
     * restart, snapshots are taken and installed and lagging servers catch up.
     */
    @Test
    void workloadsCompleteSafelyUnderChaos() {
        List<String> failures = new ArrayList<>();
        Map<String, Long> actions = new HashMap<>();
        int restarts = 0;
        for (long seed = 1; seed <= 40; seed++) {
            ListSink sink = new ListSink();
            RunResult r = PaxosRuns.run(seed, PaxosRuns.OPTIONS, sink);
            ReplayResult v = Verdicts.judge(sink);
            if (r.reason() != StopReason.STOP_CONDITION || !v.conforms() || !v.coverage().unreached().isEmpty()) {
                failures.add("seed " + seed + ": " + r + " " + Verdicts.describe(v) + "\n  " + PaxosRuns.replay(seed, null));
            }
            v.coverage().actions().forEach((a, k) -> actions.merge(a, k, Long::sum));
            restarts += sink.of(EventKind.RESTART).size();
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        for (String a : List.of("StartBallot", "HandlePromise", "Propose", "HandleAccepted", "HandleDecide", "Apply",
                "TakeSnapshot", "HandleInstallSnapshot", "HandleCatchUp", "HandleNack", "RedirectClient")) {
            assertTrue(actions.getOrDefault(a, 0L) > 0, "sometimes " + a + ": " + actions);
        }
        assertTrue(restarts > 0, "servers restarted");
    }

    /** Five servers without faults: one client's 20 commands all complete, and all servers applied the same log. */
    @Test
    void fiveServersCommitEveryCommand() {
        ListSink sink = new ListSink();
        Simulator<PaxosMessage> sim = new Simulator<>(new PaxosAlgorithm(), SimConfig.of(5, 7).withMaxSteps(200_000)
                .withOptions(dev.conform.runtime.Options.empty().with("clients", 1).with("ops", 20)),
                dev.conform.runtime.nemesis.FaultPlan.none(), sink);
        assertEquals(StopReason.STOP_CONDITION, sim.run().reason());
        ReplayResult v = Verdicts.judge(sink);
        assertTrue(v.conforms(), Verdicts.describe(v));
        assertEquals(20, ((KvClientNode<?>) sim.node(sim.clients().get(0))).history().size());
    }

    /** The same seed, plan and options give the same trace, byte for byte. */
    @Test
    void sameSeedSameBytes(@TempDir Path tmp) throws Exception {
        for (long seed : new long[] {3, 11}) {
            byte[][] runs = new byte[2][];
            for (int i = 0; i < 2; i++) {
                Path f = tmp.resolve("paxos-" + seed + "-" + i + ".ndjson");
                try (NdjsonSink sink = new NdjsonSink(f)) {
                    SimConfig cfg = SimConfig.of(3, seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(PaxosRuns.STEPS)
                            .withOptions(PaxosRuns.OPTIONS);
                    new Simulator<>(new PaxosAlgorithm(), cfg,
                            PlanGenerator.generate(seed, PaxosRuns.SERVERS, PaxosRuns.HORIZON, Intensity.HIGH), sink).run();
                }
                runs[i] = Files.readAllBytes(f);
            }
            assertTrue(runs[0].length > 10_000, "a real run");
            assertArrayEquals(runs[0], runs[1], "seed " + seed);
        }
    }
}
