package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gate checks every Raft chaos run's client history for linearizability (specs/raft/gate.json
 * declares {@code "linearizability"}): the two teaching flaws only clients can see are caught by
 * that check, with a witness, the replay command and the command that rechecks the history, in the
 * summary, the JUnit XML and the report page; a check that runs out of its budget fails, never passes.
 * The copied gate.json validates no trace with TLC and model-checks nothing, so no TLC runs here.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GateLinearizabilityTest {
    /** A failing history's line in the summary: seed, verdict, then the witness's operations. */
    private static final Pattern FAILED_SEED = Pattern.compile(
            "seed (\\d+): ILLEGAL: not linearizable \\(key (k\\d)\\): minimal witness of (\\d+) operations.*\\n"
                    + "((?: {6}p\\d+ .*\\n)+)");

    @TempDir
    Path specs;

    @ParameterizedTest
    @ValueSource(strings = {"StaleRead", "RetryAppliedTwice"})
    void theLinearizabilityCheckCatchesTheFlaw(String flaw) throws Exception {
        copyWithoutTlc();
        Path junit = specs.resolve("junit");
        Path reports = specs.resolve("reports");
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--algorithm", "raft", "--flaw", flaw, "--seeds", "200",
                "--runs", specs.resolve("runs").toString(), "--junit", junit.toString(), "--report", reports.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("FAIL raft/linearizable (\\d+) histories \\[[a-z-]+] --flaw "
                + flaw + ": ILLEGAL \\(\\d+/\\1 runs\\).*")), r.out());
        Matcher m = FAILED_SEED.matcher(r.out());
        assertTrue(m.find(), r.out());
        String key = m.group(2);
        int size = Integer.parseInt(m.group(3));
        assertEquals(size, m.group(4).lines().count(), "the witness is printed operation by operation");
        assertTrue(m.group(4).lines().allMatch(l -> l.contains(" " + key + " ")), m.group(4));
        // The printed command rechecks the kept trace and finds it not linearizable again.
        Matcher check = Pattern.compile("check: +conform linearizable (\\S+) --model kv").matcher(r.out());
        assertTrue(check.find(), r.out());
        assertTrue(r.out().contains("replay:   conform run raft --seed ") && r.out().contains("--flaw " + flaw), r.out());
        CliRun again = CliRun.of("linearizable", check.group(1), "--model", "kv");
        assertEquals(1, again.exit(), again.out() + again.err());
        assertTrue(again.out().startsWith("ILLEGAL"), again.out());
        String xml = Files.readString(junit.resolve("TEST-conform-gate-raft.xml"));
        assertTrue(xml.matches("(?s).*<testcase classname=\"conform.gate.raft\" name=\"linearizable \\d+ histories \\[[a-z-]+] "
                + "--flaw " + flaw + "\" time=\"[0-9.]+\"><failure type=\"ILLEGAL.*"), xml);
        String page = Files.readString(reports.resolve("index.html"));
        assertTrue(page.matches("(?s).*linearizable \\d+ histories.*") && page.contains("conform linearizable "), page);
        assertTrue(r.out().contains("(flaw " + flaw + " caught)"), r.out());
    }

    @Test
    void correctRaftHistoriesAreLinearizable() throws Exception {
        copyWithoutTlc();
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--algorithm", "raft", "--seeds", "40",
                "--runs", specs.resolve("runs").toString());
        // The model check of MCRaft.cfg is left out (no modelCheck), so every check is a chaos one.
        assertEquals(0, r.exit(), r.out() + r.err());
        int variants = new ObjectMapper().readTree(specs.resolve("raft/gate.json").toFile()).get("variants").size();
        assertEquals(variants, r.out().lines().filter(l -> l.startsWith("raft ") && l.contains("PASS (2 checks)")).count(),
                r.out());
    }

    @Test
    void aCheckOutOfBudgetIsNeverAPass() throws Exception {
        Path raft = copyWithoutTlc();
        String gate = Files.readString(raft.resolve("gate.json"));
        Files.writeString(raft.resolve("gate.json"), gate.replace("\"budget\": \"2s\"", "\"budget\": \"2s\", \"maxStates\": 1"));
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--algorithm", "raft", "--seeds", "4",
                "--runs", specs.resolve("runs").toString());
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("FAIL raft/linearizable (\\d+) histories \\[[a-z-]+]: UNKNOWN "
                + "\\(\\1/\\1 runs\\): seed \\d+: UNKNOWN: no verdict: visited more than 1 search states.*")), r.out());
    }

    @Test
    void aBadDeclarationIsBadInput() throws Exception {
        Path raft = copyWithoutTlc();
        String gate = Files.readString(raft.resolve("gate.json"));
        Files.writeString(raft.resolve("gate.json"), gate.replace("\"model\": \"kv\"", "\"model\": \"queue\""));
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--algorithm", "raft", "--seeds", "2");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("\"linearizability\" must be {\"model\": \"register|cas-register|kv\""), r.err());
    }

    /** specs/raft with no model check, no flaw config, no TLC samples and no mbt: only the Java-side checks run. */
    private Path copyWithoutTlc() throws Exception {
        Path raft = GateSpecsFixture.copy(specs, "raft");
        Files.delete(raft.resolve("mbt.json")); // the model-based test runs TLC
        String gate = Files.readString(raft.resolve("gate.json"));
        gate = gate.replaceAll("(?s)\"flawConfigs\".*?}", "\"flawConfigs\": {}")
                .replaceAll("\"modelCheck\": \\[[^]]*]", "\"modelCheck\": []")
                .replaceAll("\"tlcSample\": \\{[^}]*}", "\"tlcSample\": {\"quick\": 0, \"default\": 0, \"soak\": 0}");
        Files.writeString(raft.resolve("gate.json"), gate);
        return raft;
    }
}
