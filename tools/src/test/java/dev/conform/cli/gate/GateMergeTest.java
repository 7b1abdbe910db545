package dev.conform.cli.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GateMerge} over hand-made shard summaries: the verdict, the set of shards, coverage over all runs. */
class GateMergeTest {
    private static final String PRINT = GateSummary.fingerprint(List.of("a", "b", "c"), null);

    @TempDir
    Path tmp;

    private static GateOutcome check(String name, boolean passed) {
        return new GateOutcome("raft", null, name, passed, passed ? "OK" : "INVARIANT_VIOLATED (Safe)", passed ? 0 : 1,
                10L, 3L, Duration.ofMillis(5), passed ? null : "Safe violated", 0, 0, 0, List.of());
    }

    private static GateOutcome coverage(int runs, int leaders) {
        return CoverageCheck.judge("raft", CoverageCheck.NAME + " (shard)", new CoverageSummary(runs,
                Map.of("LeaderElected", leaders), Map.of("BecomeLeader", (long) leaders)), Duration.ofMillis(1), true);
    }

    private Path shard(int k, int n, String fingerprint, int work, GateOutcome... outcomes) throws Exception {
        Path dir = tmp.resolve("shard-" + k + "-" + Files.list(tmp).count());
        List<GateOutcome> list = List.of(outcomes);
        new GateSummary(new GateShard(k, n), fingerprint, 3, work, Gate.exitCode(list), list).write(dir);
        return dir;
    }

    @Test
    void allShardsPassingPassAndCoverageIsJudgedOverAllRuns() throws Exception {
        GateMerge m = GateMerge.of(List.of(shard(1, 2, PRINT, 2, check("MC1.cfg", true), coverage(2, 0)),
                shard(2, 2, PRINT, 1, check("MC2.cfg", true), coverage(3, 1))));
        assertEquals(0, m.exitCode(), m.problems().toString());
        assertEquals(3, m.outcomes().size());
        GateOutcome cov = m.outcomes().get(1);
        assertEquals("REACHED", cov.verdict());
        assertEquals(5, cov.coverage().runs());
        assertEquals(1, cov.coverage().reached().get("LeaderElected"));
    }

    @Test
    void aPropertyNoShardReachedFails() throws Exception {
        GateMerge m = GateMerge.of(List.of(shard(1, 2, PRINT, 2, coverage(2, 0)), shard(2, 2, PRINT, 1, coverage(3, 0))));
        assertEquals(1, m.exitCode());
        assertTrue(m.outcomes().get(0).verdict().startsWith("UNREACHED"), m.outcomes().toString());
    }

    @Test
    void aFailingShardFailsTheMerge() throws Exception {
        GateMerge m = GateMerge.of(List.of(shard(1, 2, PRINT, 2, check("MC1.cfg", true)),
                shard(2, 2, PRINT, 1, check("MC2.cfg", false))));
        assertEquals(1, m.exitCode());
    }

    @Test
    void aMissingOrUnreadableShardIsAToolFailure() throws Exception {
        Path one = shard(1, 2, PRINT, 2, check("MC1.cfg", true));
        GateMerge missing = GateMerge.of(List.of(one));
        assertEquals(3, missing.exitCode());
        assertTrue(missing.problems().toString().contains("shard 2/2 is missing"), missing.problems().toString());

        Path two = shard(2, 2, PRINT, 1, check("MC2.cfg", true));
        Files.writeString(two.resolve(GateSummary.FILE), "{\"shard\": \"2/2\", ");
        assertEquals(3, GateMerge.of(List.of(one, two)).exitCode());
        assertEquals(3, GateMerge.of(List.of(one, tmp.resolve("never-written"))).exitCode());
        assertEquals(3, GateMerge.of(List.of(tmp.resolve("never-written"))).exitCode());
    }

    @Test
    void aViolationWinsOverAMissingShard() throws Exception {
        assertEquals(1, GateMerge.of(List.of(shard(1, 3, PRINT, 1, check("MC1.cfg", false)))).exitCode());
    }

    @Test
    void shardsOfAnotherGateOrGivenTwiceAreBadInput() throws Exception {
        Path one = shard(1, 2, PRINT, 2, check("MC1.cfg", true));
        Path two = shard(2, 2, PRINT, 1, check("MC2.cfg", true));
        Path other = shard(2, 2, GateSummary.fingerprint(List.of("a", "b", "c"), "VoteTwice"), 1, check("MC2.cfg", true));
        GateMerge foreign = GateMerge.of(List.of(one, two, other));
        assertEquals(2, foreign.exitCode());
        assertTrue(foreign.problems().toString().contains("not of the same gate"), foreign.problems().toString());
        // Without the real shard 2 it is also missing: the stronger finding.
        assertEquals(3, GateMerge.of(List.of(one, other)).exitCode());
        Path twice = shard(1, 2, PRINT, 2, check("MC1.cfg", true));
        assertEquals(2, GateMerge.of(List.of(one, twice, two)).exitCode());
        assertEquals(0, GateMerge.of(List.of(one, two)).exitCode());
    }

    @Test
    void shardsWhoseWorkDoesNotAddUpFail() throws Exception {
        GateMerge m = GateMerge.of(List.of(shard(1, 2, PRINT, 1, check("MC1.cfg", true)),
                shard(2, 2, PRINT, 1, check("MC2.cfg", true))));
        assertEquals(3, m.exitCode());
        assertTrue(m.problems().toString().contains("2 units of work, the gate has 3"), m.problems().toString());
    }

    @Test
    void summariesRoundTrip() throws Exception {
        GateOutcome cov = coverage(4, 2);
        Path dir = shard(1, 1, PRINT, 3, check("MC1.cfg", false), cov);
        GateSummary s = GateSummary.read(dir);
        assertEquals(new GateShard(1, 1), s.shard());
        assertEquals(List.of(check("MC1.cfg", false), cov), s.outcomes());
    }
}
