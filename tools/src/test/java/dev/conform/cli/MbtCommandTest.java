package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code conform mbt twopc} end to end with real TLC: the implementation follows the spec's
 * behaviours, and a flaw that makes it refuse a step the spec allows is caught here while the
 * traces it records still pass trace validation.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MbtCommandTest {
    private static final String SPECS = Path.of("../specs").toAbsolutePath().normalize().toString();
    private static final String NEVER_TIMES_OUT = "coordinator-never-times-out";

    @TempDir
    Path tmp;

    private static CliRun mbt(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("mbt", "twopc", "--specs", SPECS));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void theImplementationFollowsEveryBehaviour() {
        CliRun r = mbt("--behaviours", "6", "--depth", "30", "--seed", "2");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("OK: twopc followed every behaviour of MbtTwoPhase.tla (MbtTwoPhase.cfg); "
                + "6 behaviours, "), r.out());
        assertTrue(r.out().contains("spec actions covered: "), r.out());
        CliRun three = mbt("--behaviours", "3", "--depth", "30", "--config", "MbtTwoPhase3.cfg");
        assertEquals(0, three.exit(), three.out() + three.err());
        assertTrue(three.out().startsWith("OK: twopc followed every behaviour of MbtTwoPhase.tla (MbtTwoPhase3.cfg); "
                + "3 behaviours, "), three.out());
    }

    /** The teaching flaw is caught with the step, both states and a replay that finds it again. */
    @Test
    void aCoordinatorThatNeverTimesOutRefusesTheSpecsAbort() {
        CliRun r = mbt("--behaviours", "4", "--depth", "30", "--flaw", NEVER_TIMES_OUT);
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("the spec took TMAbort at node 1"), r.out());
        assertTrue(r.out().contains("node 1 has no vote timer armed"), r.out());
        assertTrue(r.out().contains("/\\ tmState = \"aborted\""), r.out());
        assertTrue(r.out().contains("implementation: in flight: "), r.out());
        String replay = r.out().lines().filter(l -> l.startsWith("replay: conform ")).findFirst().orElseThrow();
        String[] args = replay.substring("replay: conform ".length()).split(" ");
        CliRun again = CliRun.of(args);
        assertEquals(1, again.exit(), again.out());
        assertEquals(mismatchLine(r.out()), mismatchLine(again.out()));
    }

    private static String mismatchLine(String out) {
        return out.lines().filter(l -> l.startsWith("MISMATCH: ")).findFirst().orElse("none");
    }

    /** The same flaw leaves every recorded trace a behaviour of the spec: trace validation passes it. */
    @Test
    void traceValidationPassesTheSameFlaw() throws Exception {
        // Participant 3 is down when the Prepare arrives, so its vote never comes.
        Path plan = tmp.resolve("plan.json");
        Files.writeString(plan, "{\"events\":[{\"type\":\"crash\",\"at\":1,\"node\":3},"
                + "{\"type\":\"restart\",\"at\":300,\"node\":3}]}");
        Path trace = tmp.resolve("flawed.ndjson");
        CliRun run = CliRun.of("run", "twopc", "--plan", plan.toString(), "--steps", "100", "--flaw", NEVER_TIMES_OUT,
                "--out", trace.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        String text = Files.readString(trace);
        assertTrue(text.contains("\"action\":\"TMRcvVote\""), "votes arrive");
        assertFalse(text.contains("\"action\":\"TMAbort\"") || text.contains("\"action\":\"TMCommit\""),
                "the flawed coordinator never decides");
        CliRun v = CliRun.of("validate", "--trace", trace.toString(), "--spec", SPECS + "/twopc/TraceTwoPhase.tla");
        assertEquals(0, v.exit(), v.out() + v.err());
    }

    /** The planted safety flaws are caught too: a mismatch, not a crash of the driver. */
    @ParameterizedTest
    @ValueSource(strings = {"commit-before-all-votes", "forget-vote-on-restart"})
    void safetyFlawsAreMismatches(String flaw) {
        CliRun r = mbt("--behaviours", "5", "--depth", "40", "--flaw", flaw);
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("MISMATCH: behaviour "), r.out());
    }

    @Test
    void badInputExitsTwo() {
        assertEquals(2, CliRun.of("mbt", "paxos", "--specs", SPECS).exit());
        assertEquals(2, mbt("--behaviours", "0").exit());
        assertEquals(2, mbt("--flaw", "no-such-flaw").exit());
        assertEquals(2, mbt("--config", "NoSuch.cfg").exit());
        assertEquals(2, CliRun.of("mbt", "twopc", "--specs", tmp.toString()).exit());
    }
}
