package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code conform check} end to end through {@link Main#run}, with real TLC. */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CheckCommandTest {

    @TempDir
    Path tmp;

    @Test
    void okSpecExitsZeroWithTable() {
        CliRun r = CliRun.of("check", CliRun.resource("ok/Counter.tla").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("verdict           OK"), r.out());
        assertTrue(r.out().contains("distinct states   6"), r.out());
        assertTrue(r.out().contains("TLC2 Version 2.18"), r.out());
    }

    @Test
    void violationExitsOneAndJsonHasCounterexample() throws Exception {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("check", CliRun.resource("inv/Ledger.tla").toString(), "--json", "--out", out.toString());
        assertEquals(1, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("INVARIANT_VIOLATED", json.get("verdict").asText());
        assertEquals("Small", json.get("violated").asText());
        assertFalse(json.get("ok").asBoolean());
        assertEquals(4, json.at("/statistics/distinctStates").asLong());
        assertEquals(12, json.get("exitCode").asInt());
        assertTrue(json.get("commandLine").isArray());
        JsonNode states = json.at("/counterexample/states");
        assertEquals(4, states.size());
        assertEquals("Step", states.get(3).get("action").asText());
        assertEquals(3, states.get(3).at("/variables/n").asInt());
        assertEquals("a\"b\\c", states.get(3).at("/variables/meta/owner").asText());
        assertEquals("NONE", json.at("/counterexample/loop/kind").asText());
        assertEquals(json, new ObjectMapper().readTree(out.resolve("result.json").toFile()));
        assertTrue(Files.readString(out.resolve("tlc-output.txt")).contains("@!@!@ENDMSG 2110 @!@!@"));
    }

    @Test
    void humanCounterexampleMarksChangedVariables() {
        CliRun r = CliRun.of("check", CliRun.resource("inv/Ledger.tla").toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("Counterexample (4 states"), r.out());
        assertTrue(r.out().contains("     * n = 3"), r.out());
        assertFalse(r.out().contains("\u001b["), "no escape codes when not a terminal");
    }

    @Test
    void parseErrorExitsTwoWithPosition() {
        CliRun r = CliRun.of("check", CliRun.resource("parse/Broken.tla").toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("PARSE_ERROR"), r.out());
        assertTrue(r.out().contains("Broken.tla:4:9"), r.out());
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        CliRun missing = CliRun.of("check", tmp.resolve("Nope.tla").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("conform: ") && missing.err().strip().lines().count() == 1, missing.err());
        assertEquals(2, CliRun.of("check", "--timeout", "soon", CliRun.resource("ok/Counter.tla").toString()).exit());
        assertEquals(2, CliRun.of("check").exit());
        CliRun ambiguous = CliRun.of("check", CliRun.resource("folder").toString());
        assertEquals(2, ambiguous.exit());
        assertTrue(ambiguous.err().contains("MCCounter.cfg, MCCounterLow.cfg"), ambiguous.err());
    }

    @Test
    void specFolderWithConfigPicksThePair() {
        CliRun r = CliRun.of("check", CliRun.resource("folder").toString(), "--config", "MCCounterLow.cfg");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("INVARIANT_VIOLATED (Low)"), r.out());
    }

    @Test
    void timeoutExitsThree() {
        CliRun r = CliRun.of("check", CliRun.resource("slow/Endless.tla").toString(), "--timeout", "1s");
        assertEquals(3, r.exit(), r.out());
        assertTrue(r.out().contains("TIMEOUT"), r.out());
    }

    @Test
    void missingTla2toolsJarIsBadInput() {
        CliRun r = CliRun.of("check", CliRun.resource("ok/Counter.tla").toString(), "--tla2tools",
                tmp.resolve("none.jar").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("none.jar"), r.err());
    }

    @Test
    void helpDocumentsExitCodes() {
        CliRun r = CliRun.of("check", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("3  tool failure or timeout"), r.out());
    }
}
