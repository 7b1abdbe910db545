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
    void everyVariantsChaosRunsAreAllValidatedByTlc() throws Exception {
        Path crdt = GateSpecsFixture.copy(specs, "crdt");
        Files.delete(crdt.resolve("mbt.json")); // only the checks of the gate.json below
        Files.writeString(crdt.resolve("gate.json"), """
                {"algorithm": "crdt", "modelCheck": [], "traceSpec": "TraceCrdt.tla", "steps": 2000,
                 "intensity": "MEDIUM", "options": {"type": "g-counter", "updates": "3"},
                 "variants": [{"name": "fanout-1", "options": {"fanout": "1"}},
                              {"name": "fanout-2", "options": {"fanout": "2"}}],
                 "seeds": {"quick": 6, "default": 6, "soak": 6}, "tlcSample": {"quick": 6, "default": 6, "soak": 6}}
                """);
        Path junit = specs.resolve("junit");
        Path runs = specs.resolve("runs");
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--algorithm", "crdt", "--junit", junit.toString(),
                "--workers", "2", "--runs", runs.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        // One row per variant: 3 runs each (seeds 1-3 and 4-6), all 3 of their traces through TLC.
        for (String variant : new String[] {"fanout-1", "fanout-2"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("crdt " + variant + " ")
                    && l.matches(".*\\s3\\s+3\\s+[0-9,]+\\s+PASS \\(2 checks\\).*")), r.out());
        }
        assertTrue(r.out().contains("coverage crdt: Gossiped 6/6 runs, ReadServed 6/6 runs; actions:"), r.out());
        String xml = Files.readString(junit.resolve("TEST-conform-gate-crdt.xml"));
        assertTrue(xml.contains("name=\"chaos 3 seeds [fanout-1]\"") && xml.contains("name=\"chaos 3 seeds [fanout-2]\"")
                && xml.contains("name=\"TraceCrdt.tla 3 traces [fanout-2]\"")
                && xml.contains("name=\"coverage of all runs\""), xml);
        assertTrue(xml.contains("failures=\"0\""), xml);
        try (var left = Files.walk(runs)) {
            assertTrue(left.noneMatch(Files::isRegularFile), "conforming traces are deleted");
        }
    }

    @Test
    void aTraceTlcRejectsFailsWithItsReplayCommands() throws Exception {
        Path crdt = GateSpecsFixture.copy(specs, "crdt");
        Files.delete(crdt.resolve("mbt.json")); // only the checks of the gate.json below
        // A trace spec that admits no read: every run's first Read diverges.
        String spec = Files.readString(crdt.resolve("TraceCrdt.tla"));
        String read = "    /\\ IsAction(e, \"Read\")";
        assertTrue(spec.contains(read), "the fixture edits TraceCrdt's read action");
        Files.writeString(crdt.resolve("TraceCrdt.tla"), spec.replace(read, read + "\n    /\\ FALSE"));
        Files.writeString(crdt.resolve("gate.json"), """
                {"algorithm": "crdt", "modelCheck": [], "traceSpec": "TraceCrdt.tla", "steps": 500,
                 "intensity": "LOW", "options": {"type": "g-counter", "updates": "2", "fanout": "1"},
                 "seeds": {"quick": 4, "default": 4, "soak": 4}, "tlcSample": {"quick": 4, "default": 4, "soak": 4}}
                """);
        Path runs = specs.resolve("runs");
        Path reports = specs.resolve("reports");
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--workers", "1", "--runs", runs.toString(),
                "--report", reports.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        // The first failing trace's report, with TLC's verdict, beside its replay commands; the summary page links it.
        Path report = reports.resolve("crdt/seed-1.tlc.html");
        assertTrue(r.out().contains("  report:   " + report), r.out());
        String page = Files.readString(report);
        assertTrue(page.contains("\"outcome\":\"DIVERGES\""), "the page carries TLC's divergence");
        assertTrue(r.out().contains("report: " + reports.resolve("index.html")), r.out());
        assertTrue(Files.readString(reports.resolve("index.html")).contains("href=\"crdt/seed-1.tlc.html\""));
        // Every trace diverges; the check stops validating after three failures, so a trace judged in the
        // same TLC batch counts and one left after three failures is said to be not validated.
        assertTrue(r.out().lines().anyMatch(l -> l.matches("FAIL crdt/TraceCrdt\\.tla 4 traces: DIVERGES "
                + "\\((4/4 traces|3/3 traces; 1 more not validated after 3 failures)\\).*")), r.out());
        assertTrue(r.out().contains("replay:   conform run crdt --seed 1 ") && r.out().contains(
                "validate: conform validate --spec " + crdt.resolve("TraceCrdt.tla") + " --trace " + runs), r.out());
        assertTrue(Files.isRegularFile(runs.resolve("crdt/seed-1.ndjson")), "a failing trace is kept for replay");
    }

    @Test
    void anAlgorithmWithoutJavaInvariantsFailsClosed() throws Exception {
        Path folder = specs.resolve("unchecked");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("gate.json"), """
                {"algorithm": "ping-unchecked", "modelCheck": [],
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
