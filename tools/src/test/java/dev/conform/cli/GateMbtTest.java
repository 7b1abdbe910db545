package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's model-based test step on a copy of specs/twopc holding only what {@code mbt} needs
 * (no MC pairs, no gate.json: the mbt check is the only one), with a small budget.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GateMbtTest {
    private static final Path TWOPC = Path.of("../specs/twopc").toAbsolutePath().normalize();
    private static final Path RAFT = Path.of("../specs/raft").toAbsolutePath().normalize();
    private static final Path CRDT = Path.of("../specs/crdt").toAbsolutePath().normalize();

    @TempDir
    Path specs;

    private void copy() throws Exception {
        Path folder = Files.createDirectories(specs.resolve("twopc"));
        for (String f : new String[] {"TwoPhase.tla", "MbtTwoPhase.tla", "MbtTwoPhase.cfg"}) {
            Files.copy(TWOPC.resolve(f), folder.resolve(f));
        }
        Files.writeString(folder.resolve("mbt.json"), "{\"algorithm\": \"twopc\", \"depth\": 30, \"seed\": 3,"
                + " \"behaviours\": {\"quick\": 4, \"default\": 4, \"soak\": 4}}");
    }

    @Test
    void theGateRunsTheModelBasedTest() throws Exception {
        copy();
        Path junit = specs.resolveSibling(specs.getFileName() + "-junit");
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--quick", "--junit", junit.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*twopc +- +4 .*PASS \\(1 check\\).*"), r.out());
        assertTrue(r.out().contains("gate passed"), r.out());
        String xml;
        try (var files = Files.list(junit)) {
            xml = Files.readString(files.findFirst().orElseThrow());
        }
        assertTrue(xml.contains("mbt MbtTwoPhase.tla"), xml);
        assertTrue(xml.contains("4 behaviours"), xml);
    }

    @Test
    void aFlawOnlyModelBasedTestsSeeIsCaughtByTheGate() throws Exception {
        copy();
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--quick", "--algorithm", "twopc",
                "--flaw", "coordinator-never-times-out");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("MISMATCH"), r.out());
        assertTrue(r.out().contains("(flaw coordinator-never-times-out caught)"), r.out());
    }

    @Test
    void aBadMbtJsonIsBadInput() throws Exception {
        copy();
        Files.writeString(specs.resolve("twopc/mbt.json"), "{\"algorithm\": \"twopc\", \"depth\": 1}");
        assertEquals(2, CliRun.of("gate", "--specs", specs.toString(), "--quick").exit());
    }

    /** specs/raft with only what mbt needs and its own mbt.json, with a small budget. */
    private void copyRaft() throws Exception {
        Path folder = Files.createDirectories(specs.resolve("raft"));
        for (String f : new String[] {"Raft.tla", "RaftTraceForms.tla", "MCRaft.tla", "MbtRaft.tla", "MbtRaft.cfg",
                "MbtRaftSnapshots.cfg", "mbt.json"}) {
            Files.copy(RAFT.resolve(f), folder.resolve(f));
        }
        Files.writeString(folder.resolve("mbt.json"), Files.readString(folder.resolve("mbt.json"))
                .replaceAll("\"quick\": \\d+", "\"quick\": 3"));
    }

    @Test
    void theGateRunsRaftsModelBasedTestAndCatchesTheFlawOnlyItSees() throws Exception {
        copyRaft();
        CliRun ok = CliRun.of("gate", "--specs", specs.toString(), "--quick");
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().matches("(?s).*raft +- +6 .*PASS \\(2 checks\\).*"), ok.out());
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--quick", "--algorithm", "raft",
                "--flaw", "CandidateNeverRetries");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("the spec took Timeout"), r.out());
        assertTrue(r.out().contains("(flaw CandidateNeverRetries caught)"), r.out());
    }

    @Test
    void theGateRunsTheCrdtsModelBasedTest() throws Exception {
        Path folder = Files.createDirectories(specs.resolve("crdt"));
        for (String f : new String[] {"Crdt.tla", "MCCrdt.tla", "MbtCrdt.tla", "MbtCrdt.cfg"}) {
            Files.copy(CRDT.resolve(f), folder.resolve(f));
        }
        Files.writeString(folder.resolve("mbt.json"), "{\"algorithm\": \"crdt\", \"depth\": 30, \"seed\": 1,"
                + " \"behaviours\": {\"quick\": 5, \"default\": 5, \"soak\": 5}}");
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--quick");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().matches("(?s).*crdt +- +5 .*PASS \\(1 check\\).*"), r.out());
    }
}
