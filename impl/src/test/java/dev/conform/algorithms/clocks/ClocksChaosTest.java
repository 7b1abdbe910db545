package dev.conform.algorithms.clocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.invariants.ReplayResult;
import dev.conform.runtime.JsonBytesSink;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.Verdicts;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.TraceSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Clocks under seeded chaos, as {@code ./conform run clocks --seed S --chaos high}: every run
 * conforms to the Java invariants, and the teaching flaw no-merge is caught by ClockCondition or
 * VectorCharacterisation in a stated share of the same seeds. The figures are printed.
 */
class ClocksChaosTest {
    private static final List<Integer> SERVERS = List.of(1, 2, 3);
    private static final int SEEDS = 100;

    static void run(long seed, Options options, TraceSink sink) {
        SimConfig cfg = SimConfig.of(SERVERS.size(), seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(100_000)
                .withOptions(options);
        new Simulator<>(new ClocksAlgorithm(), cfg, PlanGenerator.generate(seed, SERVERS, 500, Intensity.HIGH), sink).run();
    }

    static ReplayResult judge(long seed, Options options) {
        ListSink sink = new ListSink();
        run(seed, options, sink);
        return Verdicts.judge(sink);
    }

    @Test
    void everyChaosRunConformsAndSomeMergeMatters() {
        int merged = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            ReplayResult r = judge(seed, Options.empty());
            assertTrue(r.conforms(), "seed " + seed + ": " + Verdicts.describe(r)
                    + "\n  replay: ./conform run clocks --seed " + seed + " --chaos high");
            merged += r.coverage().unreached().isEmpty() ? 1 : 0;
        }
        assertTrue(merged > SEEDS / 2, "a receive took its time from the stamp in only " + merged + "/" + SEEDS + " runs");
    }

    @Test
    void noMergeFlawIsCaughtByTheClockInvariants() {
        Set<String> expected = Set.of("ClockCondition", "VectorCharacterisation");
        Map<String, Integer> by = new LinkedHashMap<>();
        int caught = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            ReplayResult r = judge(seed, Options.empty().withFlaw(ClocksAlgorithm.FLAW_NO_MERGE));
            if (r.conforms()) {
                continue;
            }
            String inv = r.failure().invariant();
            assertTrue(inv != null && expected.contains(inv), "seed " + seed + " broke " + (inv == null ? "a step rule" : inv)
                    + ", expected one of " + expected + ": " + r.failure().message());
            by.merge(inv, 1, Integer::sum);
            caught++;
        }
        System.out.println("clocks flaw no-merge: " + caught + "/" + SEEDS + " chaos runs rejected " + by);
        assertTrue(caught >= SEEDS * 3 / 4, "no-merge caught in only " + caught + "/" + SEEDS + " seeds");
    }

    @Test
    void sameSeedGivesTheSameBytes() {
        for (long seed : new long[] {3, 17}) {
            JsonBytesSink a = new JsonBytesSink();
            JsonBytesSink b = new JsonBytesSink();
            run(seed, Options.empty(), a);
            run(seed, Options.empty(), b);
            assertTrue(a.bytes().length > 2_000, "trace has substance");
            assertArrayEquals(a.bytes(), b.bytes(), "seed " + seed + " replays byte for byte");
        }
    }
}
