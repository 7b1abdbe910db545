package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conform mbt raft} end to end with real TLC: the implementation follows MbtRaft's
 * behaviours; the teaching flaw CandidateNeverRetries, a candidate that refuses the spec's next
 * Timeout, is caught here, while the traces it records pass trace validation.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MbtRaftTest {
    private static final String SPECS = Path.of("../specs").toAbsolutePath().normalize().toString();
    private static final String FLAW = "CandidateNeverRetries";

    @TempDir
    Path tmp;

    private static CliRun mbt(String... extra) {
        List<String> args = new ArrayList<>(List.of("mbt", "raft", "--specs", SPECS));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void theImplementationFollowsEveryBehaviour() {
        CliRun r = mbt("--behaviours", "5", "--depth", "30", "--seed", "1");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("OK: raft followed every behaviour of MbtRaft.tla (MbtRaft.cfg); 5 behaviours, "),
                r.out());
        // Sometimes: the behaviours elect, append a client's command and replicate it.
        String uncovered = r.out().contains("(not covered: ") ? r.out().substring(r.out().indexOf("(not covered: ")) : "";
        for (String a : List.of("Timeout", "BecomeLeader", "ClientRequest", "HandleAppendEntries",
                "HandleAppendEntriesResponse", "UpdateTerm", "Restart")) {
            assertFalse(uncovered.matches("(?s).*\\b" + a + "\\b[,)].*"), a + " not covered: " + r.out());
        }
    }

    /** Sometimes: with snapshots after every commit, the behaviours take every spec action, InstallSnapshot too. */
    @Test
    void withSnapshotsEveryActionIsCovered() {
        CliRun r = mbt("--config", "MbtRaftSnapshots.cfg", "--behaviours", "100", "--depth", "50", "--seed", "1");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("(MbtRaftSnapshots.cfg); 100 behaviours, "), r.out());
        assertTrue(r.out().contains("spec actions covered: 16 of 16"), r.out());
    }

    /** The flaw is caught with the step, both states and a replay that finds it again. */
    @Test
    void aCandidateThatNeverRetriesRefusesTheSpecsTimeout() {
        CliRun r = mbt("--behaviours", "10", "--depth", "30", "--flaw", FLAW);
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().matches("(?s)MISMATCH: behaviour \\d+, step \\d+: the spec took Timeout at node \\d.*"), r.out());
        assertTrue(r.out().matches("(?s).*node \\d has no election timer armed.*"), r.out());
        assertTrue(r.out().contains("/\\ currentTerm = "), r.out());
        assertTrue(r.out().contains("implementation: in flight: "), r.out());
        String replay = r.out().lines().filter(l -> l.startsWith("replay: conform ")).findFirst().orElseThrow();
        CliRun again = CliRun.of(replay.substring("replay: conform ".length()).split(" "));
        assertEquals(1, again.exit(), again.out());
        assertEquals(mismatchLine(r.out()), mismatchLine(again.out()));
    }

    private static String mismatchLine(String out) {
        return out.lines().filter(l -> l.startsWith("MISMATCH: ")).findFirst().orElse("none");
    }

    /**
     * The same flaw leaves every recorded trace a behaviour of the spec. With servers 2 and 3 down,
     * server 1's election fails: the correct server stands again and again, the flawed one once;
     * both traces pass trace validation.
     */
    @Test
    void traceValidationPassesTheSameFlaw() throws Exception {
        Path plan = tmp.resolve("plan.json");
        Files.writeString(plan, "{\"events\":[{\"type\":\"crash\",\"at\":1,\"node\":2},{\"type\":\"crash\",\"at\":1,\"node\":3},"
                + "{\"type\":\"restart\",\"at\":2000,\"node\":2},{\"type\":\"restart\",\"at\":2000,\"node\":3}]}");
        assertTrue(timeoutsOfServer1(plan, List.of()) > 3, "the correct server stands again while alone");
        assertEquals(1, timeoutsOfServer1(plan, List.of("--flaw", FLAW)), "the flawed one stands once");
    }

    /** Runs raft with {@code extra} under {@code plan}, validates its trace, and counts server 1's Timeouts. */
    private long timeoutsOfServer1(Path plan, List<String> extra) throws Exception {
        Path trace = tmp.resolve("run" + extra.size() + ".ndjson");
        List<String> args = new ArrayList<>(List.of("run", "raft", "--plan", plan.toString(), "--servers", "3",
                "--option", "clients=1", "--option", "ops=3", "--time", "6000", "--out", trace.toString()));
        args.addAll(extra);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.out() + run.err());
        CliRun v = CliRun.of("validate", "--trace", trace.toString(), "--spec", SPECS + "/raft/TraceRaft.tla");
        assertEquals(0, v.exit(), v.out() + v.err());
        assertTrue(v.out().contains("conforms"), v.out());
        return Files.readAllLines(trace).stream()
                .filter(l -> l.contains("\"action\":\"Timeout\"") && l.matches(".*\"node\":1[,}].*")).count();
    }
}
