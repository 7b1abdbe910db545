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

/** The chaos and TLC-sample steps of {@code conform gate} on real algorithms, with real TLC. */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GateChaosTest {

    @TempDir
    Path specs;

    @Test
    void crdtChaosRunsAndATlcSamplePass() throws Exception {
        Path crdt = GateSpecsFixture.copy(specs, "crdt");
        Files.writeString(crdt.resolve("gate.json"), """
                {"algorithm": "crdt", "modelCheck": [], "traceSpec": "TraceCrdt.tla", "steps": 2000,
                 "intensity": "MEDIUM", "options": {"type": "g-counter", "updates": "3", "fanout": "2"},
                 "seeds": {"quick": 6, "default": 6, "soak": 6}, "tlcSample": {"quick": 1, "default": 1, "soak": 1}}
                """);
        Path junit = specs.resolve("junit");
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--algorithm", "crdt", "--junit", junit.toString(),
                "--workers", "2");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("crdt") && l.contains("PASS (2 checks)")
                && l.contains(" 6 ")), r.out());
        String xml = Files.readString(junit.resolve("TEST-conform-gate-crdt.xml"));
        assertTrue(xml.contains("name=\"chaos 6 seeds\"") && xml.contains("name=\"TraceCrdt.tla seed 1\""), xml);
        assertTrue(xml.contains("failures=\"0\""), xml);
    }

    @Test
    void anAlgorithmWithoutJavaInvariantsFailsClosed() throws Exception {
        Path folder = specs.resolve("bcast");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("gate.json"), """
                {"algorithm": "broadcast", "modelCheck": [],
                 "seeds": {"quick": 2, "default": 2, "soak": 2}, "tlcSample": {"quick": 0, "default": 0, "soak": 0}}
                """);
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--runs", specs.resolve("runs").toString());
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("NO INVARIANTS") && r.out().contains("no Java invariants"), r.out());
    }

    @Test
    void badGateJsonNamesTheFile() throws Exception {
        Path folder = specs.resolve("x");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("gate.json"), "{\"algorithm\": \"raft\",\n \"seeds\": [}");
        CliRun r = CliRun.of("gate", "--specs", specs.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("gate.json:2:"), r.err());
    }

    @Test
    void aFlawNeedsAnAlgorithmAndMustBeKnown() throws Exception {
        GateSpecsFixture.copy(specs, "raft");
        assertEquals(2, CliRun.of("gate", "--specs", specs.toString(), "--flaw", "VoteTwice").exit());
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--algorithm", "raft", "--flaw", "NoSuchFlaw");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("VoteTwice"), r.err());
    }
}
