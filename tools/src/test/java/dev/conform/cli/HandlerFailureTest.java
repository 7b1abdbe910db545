package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.FaultPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * An exception inside an algorithm's handler (or its recovery from persisted state) is a bug of
 * the implementation: {@code run}, {@code explore} and the gate's chaos runs exit 1 with the
 * command that replays it, never 3 (which is for failures of conform itself). The algorithm is
 * the test-only {@code ping} ({@link dev.conform.cli.toy.PingAlgorithm}), whose handler throws on
 * ping {@code failAt}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Tag("tlc")
@Tag("process")
class HandlerFailureTest {
    @TempDir
    Path dir;

    @Test
    void runExitsOneWithTheReplayCommand() {
        Path out = dir.resolve("t.ndjson");
        RunCommandTest.Outcome o = RunCommandTest.conform("run", "ping", "--seed", "1", "--option", "failAt=4",
                "--out", out.toString());
        assertEquals(1, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("deliberate bug: ping 4"), o.err());
        assertTrue(o.err().contains("replay: conform run ping --seed 1"), o.err());
        RunCommandTest.Outcome fine = RunCommandTest.conform("run", "ping", "--seed", "1", "--steps", "50",
                "--out", dir.resolve("ok.ndjson").toString());
        assertEquals(0, fine.code(), "without the bug the same run passes: " + fine.err());
    }

    @Test
    void aRecoveryThatThrowsIsTheAlgorithmsFailureToo() throws Exception {
        Path plan = dir.resolve("plan.json");
        FaultPlans.write(FaultPlan.of(new FaultEvent.Crash(5, 2), new FaultEvent.Restart(10, 2)), plan);
        RunCommandTest.Outcome o = RunCommandTest.conform("run", "ping", "--seed", "1", "--plan", plan.toString(),
                "--option", "failOnRecovery=true", "--out", dir.resolve("t.ndjson").toString());
        assertEquals(1, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("node 2 failed") && o.err().contains("restart"), o.err());
        assertTrue(o.err().contains("replay: conform run ping"), o.err());
    }

    @Test
    void exploreExitsOneWithTheReplayCommand() {
        RunCommandTest.Outcome o = RunCommandTest.conform("explore", "ping", "--seeds", "2", "--steps", "100",
                "--option", "failAt=4", "--workers", "1", "--out", dir.resolve("explore").toString());
        assertEquals(1, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("deliberate bug: ping 4"), o.out());
        assertTrue(o.out().contains("replay:  conform run ping"), o.out());
    }

    @Test
    void gateChaosRunsExitOneWithTheReplayCommand() throws Exception {
        Path specs = dir.resolve("specs");
        Files.createDirectories(specs.resolve("ping"));
        Files.writeString(specs.resolve("ping/gate.json"), """
                {"algorithm": "ping", "modelCheck": [], "steps": 100, "intensity": "LOW",
                 "options": {"failAt": "4"},
                 "seeds": {"quick": 3, "default": 3, "soak": 3}, "tlcSample": {"quick": 0, "default": 0, "soak": 0}}
                """);
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--runs", dir.resolve("runs").toString(),
                "--workers", "1");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL ping/chaos 3 seeds: CRASHED"), r.out());
        assertTrue(r.out().contains("deliberate bug: ping 4"), r.out());
        assertTrue(r.out().contains("replay:   conform run ping --seed 1"), r.out());
    }
}
