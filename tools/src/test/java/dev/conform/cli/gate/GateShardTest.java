package dev.conform.cli.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.cli.UserError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gate --shard K/N} over the bundled specs: N shards do exactly the whole gate's work, once. */
class GateShardTest {
    private static final Path SPECS = Path.of("../specs").toAbsolutePath().normalize();

    @TempDir
    Path runs;

    private List<GateCheck> plan(Budget budget, Integer seeds, GateShard shard) {
        GateSettings settings = new GateSettings(SPECS, budget, seeds, 2, Duration.ofMinutes(1), null, runs,
                List.of(SPECS.resolve("lib")), null, null, shard);
        List<GateStep> steps = List.of(new ModelCheckStep(settings), new ChaosStep(settings, GateProgress.none()),
                new MbtGateStep(settings));
        return new Gate(steps, 2, GateProgress.none(), shard).plan(SPECS, f -> true);
    }

    @Test
    void theShardsTogetherDoTheWholeGatesWorkEachUnitOnce() {
        for (Budget budget : List.of(Budget.QUICK, Budget.DEFAULT)) {
            List<String> whole = Gate.work(plan(budget, null, GateShard.ALL));
            assertTrue(whole.stream().anyMatch(w -> w.contains(" chaos seed ")), "no chaos runs in " + whole);
            assertTrue(whole.stream().anyMatch(w -> w.contains(" tlc seed ")), "no TLC traces in " + whole);
            assertTrue(whole.stream().anyMatch(w -> w.contains(" history seed ")), "no histories in " + whole);
            assertTrue(whole.stream().anyMatch(w -> w.endsWith(".cfg")), "no model checks in " + whole);
            assertEquals(whole.size(), new HashSet<>(whole).size(), "a unit of work named twice");
            for (int n : List.of(2, 3, 4, 7)) {
                List<String> union = new ArrayList<>();
                for (int k = 1; k <= n; k++) {
                    List<String> shard = Gate.work(plan(budget, null, new GateShard(k, n)));
                    assertFalse(shard.isEmpty(), budget + ": shard " + k + "/" + n + " has no work");
                    union.addAll(shard);
                }
                assertEquals(whole.size(), union.size(), budget + ", " + n + " shards: units done twice or not at all");
                assertEquals(new HashSet<>(whole), new HashSet<>(union), budget + ", " + n + " shards");
            }
        }
    }

    @Test
    void aShardIsTheSameShareEveryTime() {
        GateShard s = new GateShard(2, 4);
        assertEquals(Gate.work(plan(Budget.QUICK, null, s)), Gate.work(plan(Budget.QUICK, null, s)));
    }

    @Test
    void moreShardsThanSeedsStillCoverEverySeed() {
        List<String> whole = Gate.work(plan(Budget.QUICK, 3, GateShard.ALL));
        Set<String> union = new HashSet<>();
        int done = 0;
        for (int k = 1; k <= 5; k++) {
            List<String> shard = Gate.work(plan(Budget.QUICK, 3, new GateShard(k, 5)));
            union.addAll(shard);
            done += shard.size();
        }
        assertEquals(whole.size(), done);
        assertEquals(new HashSet<>(whole), union);
    }

    @Test
    void seedsAreSplitIntoContiguousParts() {
        assertEquals(List.of(11L, 3L), List.of(new GateShard(1, 3).slice(11, 8)[0], new GateShard(1, 3).slice(11, 8)[1]));
        assertEquals(List.of(14L, 3L), List.of(new GateShard(2, 3).slice(11, 8)[0], new GateShard(2, 3).slice(11, 8)[1]));
        assertEquals(List.of(17L, 2L), List.of(new GateShard(3, 3).slice(11, 8)[0], new GateShard(3, 3).slice(11, 8)[1]));
    }

    @Test
    void badShardsAreUsageErrors() {
        for (String bad : List.of("0/4", "5/4", "1/0", "a/b", "3", "1/2/3", "-1/2", "")) {
            assertThrows(UserError.class, () -> GateShard.parse(bad), bad);
        }
        assertEquals(new GateShard(3, 4), GateShard.parse("3/4"));
    }
}
