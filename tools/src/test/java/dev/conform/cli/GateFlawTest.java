package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code conform gate --algorithm raft --flaw F} catches the Raft teaching flaws of the protocol (exit 1). The
 * flaws that chaos runs reach are caught by the Java invariants alone (the copied gate.json has no
 * flaw configs and no TLC samples, and the copy has no mbt.json, so nothing else could catch them); CommitOldTerm (figure 8 of
 * the Raft paper) needs a schedule random plans rarely produce, so it is caught by its flaw config.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GateFlawTest {

    @TempDir
    Path specs;

    @ParameterizedTest
    @ValueSource(strings = {"VoteTwice", "VoteWithoutLogCheck", "AppendWithoutPrevCheck"})
    void chaosRunsCatchTheFlaw(String flaw) throws Exception {
        Path raft = GateSpecsFixture.copy(specs, "raft");
        Files.delete(raft.resolve("mbt.json")); // the model-based test would catch some flaws too
        String gate = Files.readString(raft.resolve("gate.json"));
        gate = gate.replaceAll("(?s)\"flawConfigs\".*?}", "\"flawConfigs\": {}")
                .replaceAll("\"tlcSample\": \\{[^}]*}", "\"tlcSample\": {\"quick\": 0, \"default\": 0, \"soak\": 0}");
        Files.writeString(raft.resolve("gate.json"), gate);
        Path reports = specs.resolve("reports");
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--algorithm", "raft", "--flaw", flaw, "--seeds", "200",
                "--runs", specs.resolve("runs").toString(), "--report", reports.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        // Each failing seed's report is printed with its replay command, named like its trace.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("report: +(\\S+/raft/[a-z-]+/seed-\\d+\\.html)")
                .matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Files.readString(Path.of(m.group(1))).contains("\"status\":\"does_not_conform\""), m.group(1));
        assertTrue(Files.readString(reports.resolve("index.html")).contains(reports.relativize(Path.of(m.group(1))).toString()),
                "the summary page links the report");
        // The 200 seeds are split over raft's variants.
        assertTrue(r.out().lines().anyMatch(l -> l.matches("FAIL raft/chaos \\d+ seeds \\[[a-z-]+] --flaw " + flaw
                + ": VIOLATED.*")), r.out());
        assertTrue(r.out().contains("replay:   conform run raft --seed ") && r.out().contains("--flaw " + flaw), r.out());
        assertTrue(r.out().contains("(flaw " + flaw + " caught)"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CommitOldTerm"})
    void theFlawConfigCatchesTheFlaw(String flaw) throws Exception {
        Files.delete(GateSpecsFixture.copy(specs, "raft").resolve("mbt.json")); // only the flaw config
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--algorithm", "raft", "--flaw", flaw, "--seeds", "0",
                "--workers", "2", "--runs", specs.resolve("runs").toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("INVARIANT_VIOLATED (LeaderCompleteness)"), r.out());
    }
}
