package dev.conform.algorithms.erasure.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.invariants.ReplayResult;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.Options;
import dev.conform.runtime.Verdicts;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.StopReason;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.io.NdjsonSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The correct store under seeded chaos with disk loss: every workload completes, every trace keeps
 * the Java invariants, and across the runs disks are lost and shards repaired.
 */
class ErasureChaosTest {
    private static final int SEEDS = 60;

    @Test
    void isRegistered() {
        assertInstanceOf(ErasureAlgorithm.class, Algorithms.byName("erasure"));
    }

    /** RS(2,1) with W = 3 (one wipe per plan) and RS(3,2) with W = 4 (one) and W = 5 (two). */
    @ParameterizedTest
    @ValueSource(strings = {"k=2,m=1", "k=3,m=2,writeQuorum=4", "k=3,m=2"})
    void workloadsCompleteSafelyUnderChaosAndDiskLoss(String code) {
        Options options = ErasureRuns.OPTIONS;
        for (String kv : code.split(",")) {
            options = options.with(kv.split("=")[0], kv.split("=")[1]);
        }
        List<String> failures = new ArrayList<>();
        Map<String, Long> actions = new HashMap<>();
        int wipes = 0;
        int repairedAfterWipe = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            ListSink sink = new ListSink();
            RunResult r = ErasureRuns.run(seed, options, sink);
            ReplayResult v = Verdicts.judge(sink);
            if (r.reason() != StopReason.STOP_CONDITION || !v.conforms()) {
                failures.add("seed " + seed + ": " + r + " " + Verdicts.describe(v) + "\n  "
                        + ErasureRuns.replay(seed, options));
            }
            v.coverage().actions().forEach((a, k) -> actions.merge(a, k, Long::sum));
            boolean wiped = false;
            for (TraceEvent e : sink.of(EventKind.FAULT)) {
                if ("wipe".equals(e.action())) {
                    wipes++;
                    wiped = true;
                }
            }
            if (wiped && v.coverage().actions().getOrDefault("RepairShard", 0L) > 0) {
                repairedAfterWipe++;
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        for (String a : List.of("StartWrite", "HandleStoreAck", "AckWrite", "StartRead", "HandleShard", "CompleteRead",
                "StartRepair", "RepairShard", "HandleStore", "HandleFetch", "HandleCommit", "AnswerFromSession")) {
            assertTrue(actions.getOrDefault(a, 0L) > 0, "sometimes " + a + ": " + actions);
        }
        System.out.println("erasure chaos " + code + ": " + SEEDS + " runs conform, " + wipes + " wipes, "
                + repairedAfterWipe + " runs with a wipe and a repair; actions " + actions);
        assertTrue(wipes >= SEEDS / 2, "disks were lost in most runs: " + wipes);
        assertTrue(repairedAfterWipe > 0, "some lost shard was repaired");
    }

    /** The same seed, plan and options give the same trace, byte for byte (wipes included). */
    @Test
    void sameSeedSameBytes(@TempDir Path tmp) throws Exception {
        for (long seed : new long[] {3, 11}) {
            byte[][] runs = new byte[2][];
            for (int i = 0; i < 2; i++) {
                Path f = tmp.resolve("erasure-" + seed + "-" + i + ".ndjson");
                try (NdjsonSink sink = new NdjsonSink(f)) {
                    ErasureRuns.run(seed, ErasureRuns.OPTIONS, sink);
                }
                runs[i] = Files.readAllBytes(f);
            }
            assertTrue(runs[0].length > 10_000, "a real run");
            assertTrue(new String(runs[0], java.nio.charset.StandardCharsets.UTF_8).contains("\"action\":\"wipe\""),
                    "seed " + seed + " loses a disk");
            assertArrayEquals(runs[0], runs[1], "seed " + seed);
        }
    }
}
