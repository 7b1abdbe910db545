package dev.conform.algorithms.swim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.invariants.ReplayResult;
import dev.conform.runtime.JsonBytesSink;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.Verdicts;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.runtime.sim.StopReason;
import dev.conform.tracing.TraceSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SWIM under seeded chaos (crashes, restarts, partitions, loss, duplication), as
 * {@code ./conform run swim --seed S --chaos high}: every run conforms to the Java invariants and
 * reaches the stop condition (every live member alive in every live view, every gone one dead or
 * left) once the plan has healed, also with a joiner and a leaver; each teaching flaw is caught by
 * the invariant named for it over the same seeds; a seed replays byte for byte.
 */
class SwimChaosTest {
    private static final int SEEDS = 60;

    static RunResult run(long seed, int servers, Options options, TraceSink sink) {
        List<Integer> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= servers; i++) {
            ids.add(i);
        }
        SimConfig cfg = SimConfig.of(servers, seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(100_000)
                .withOptions(options);
        return new Simulator<>(new SwimAlgorithm(), cfg, PlanGenerator.generate(seed, ids, 500, Intensity.HIGH), sink).run();
    }

    private static String replay(long seed, int servers, Options o) {
        StringBuilder b = new StringBuilder("./conform run swim --seed " + seed + " --servers " + servers + " --chaos high");
        o.values().forEach((k, v) -> b.append(" --option ").append(k).append('=').append(v));
        o.flaws().forEach(f -> b.append(" --flaw ").append(f));
        return b.toString();
    }

    private void everyRunConformsAndConverges(int servers, Options options, Set<String> mustReach) {
        Map<String, Integer> reached = new LinkedHashMap<>();
        long latest = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            ListSink sink = new ListSink();
            RunResult result = run(seed, servers, options, sink);
            ReplayResult r = Verdicts.judge(sink);
            assertTrue(r.conforms(), "seed " + seed + ": " + Verdicts.describe(r) + "\n  replay: " + replay(seed, servers, options));
            assertEquals(StopReason.STOP_CONDITION, result.reason(), "seed " + seed + ": the views never converged\n  replay: "
                    + replay(seed, servers, options));
            r.coverage().reached().forEach((k, v) -> reached.merge(k, v ? 1 : 0, Integer::sum));
            latest = Math.max(latest, result.time());
        }
        for (String p : mustReach) {
            assertTrue(reached.getOrDefault(p, 0) > 0, p + " never reached in " + SEEDS + " runs: " + reached);
        }
        System.out.println("swim " + servers + " members " + options.values() + ": " + SEEDS + "/" + SEEDS
                + " chaos runs conform and converge; latest stop at t=" + latest + "; runs reaching " + reached);
    }

    @Test
    void everyChaosRunConformsAndConverges() {
        everyRunConformsAndConverges(4, Options.empty(), Set.of("Suspected", "Refuted", "Confirmed"));
    }

    @Test
    void withAJoinerAndALeaverToo() {
        everyRunConformsAndConverges(5, Options.empty().with("joiners", 1).with("leaveAt", 5),
                Set.of("Suspected", "Refuted", "Confirmed", "Joined", "Left"));
    }

    private Map<String, Integer> caught(SwimFlaw flaw, Set<String> names) {
        Map<String, Integer> by = new LinkedHashMap<>();
        Options o = Options.empty().withFlaw(flaw.flawName());
        for (long seed = 1; seed <= SEEDS; seed++) {
            ListSink sink = new ListSink();
            run(seed, 4, o, sink);
            ReplayResult r = Verdicts.judge(sink);
            if (r.conforms()) {
                continue;
            }
            String inv = r.failure().invariant();
            assertTrue(names.contains(inv), "seed " + seed + ": " + r.failure().message() + "\n  replay: " + replay(seed, 4, o));
            by.merge(inv, 1, Integer::sum);
        }
        System.out.println("swim flaw " + flaw.flawName() + ": " + by.values().stream().mapToInt(i -> i).sum() + "/" + SEEDS
                + " chaos runs rejected " + by);
        return by;
    }

    @Test
    void noSuspicionIsCaughtBySuspectBeforeDead() {
        Map<String, Integer> by = caught(SwimFlaw.NO_SUSPICION, Set.of("SuspectBeforeDead"));
        assertTrue(by.getOrDefault("SuspectBeforeDead", 0) >= SEEDS * 9 / 10, "caught in only " + by);
    }

    @Test
    void refuteSameIncarnationIsCaughtByPrecedenceAndRefutation() {
        Map<String, Integer> by = caught(SwimFlaw.REFUTE_SAME_INCARNATION, Set.of("ViewPrecedence", "RefuteWithHigherIncarnation"));
        assertTrue(by.values().stream().mapToInt(i -> i).sum() >= SEEDS * 9 / 10, "caught in only " + by);
    }

    @Test
    void sameSeedGivesTheSameBytes() {
        for (long seed : new long[] {3, 17}) {
            JsonBytesSink a = new JsonBytesSink();
            JsonBytesSink b = new JsonBytesSink();
            Options o = Options.empty().with("joiners", 1).with("leaveAt", 4);
            run(seed, 5, o, a);
            run(seed, 5, o, b);
            assertTrue(a.bytes().length > 10_000, "trace has substance");
            assertArrayEquals(a.bytes(), b.bytes(), "seed " + seed + " replays byte for byte");
        }
    }
}
