package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.cli.gate.GateSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conform gate --shard K/N} and {@code conform gate-merge} with real TLC, over a folder of
 * two model checks (one of which violates an invariant unless expected.json says it must).
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GateShardCommandTest {
    @TempDir
    Path tmp;

    private Path specs(boolean expectViolation) throws IOException {
        Path specs = tmp.resolve(expectViolation ? "specs-ok" : "specs-failing");
        Path folder = specs.resolve("counter");
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(CliRun.resource("folder"))) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        if (!expectViolation) {
            Files.delete(folder.resolve("expected.json"));
        }
        return specs;
    }

    private Path shard(Path specs, int k, int n) {
        Path junit = tmp.resolve(specs.getFileName() + "-shard-" + k);
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--shard", k + "/" + n, "--junit", junit.toString(),
                "--workers", "1");
        assertTrue(r.out().contains("shard " + k + "/" + n + ": 1 of the gate's 2 units of work"), r.out() + r.err());
        assertTrue(Files.isRegularFile(junit.resolve(GateSummary.FILE)), r.out() + r.err());
        return junit;
    }

    @Test
    void shardsMergeIntoTheWholeGatesVerdict() throws Exception {
        Path specs = specs(true);
        Path one = shard(specs, 1, 2);
        Path two = shard(specs, 2, 2);
        Path merged = tmp.resolve("merged");
        CliRun r = CliRun.of("gate-merge", one.toString(), two.toString(), "--junit", merged.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("2 checks, 2 passed, 0 failed"), r.out());
        assertTrue(r.out().contains("gate passed (2 of 2 shards merged)"), r.out());
        String xml = Files.readString(merged.resolve("TEST-conform-gate-counter.xml"));
        assertTrue(xml.contains("tests=\"2\"") && xml.contains("failures=\"0\""), xml);
        assertTrue(xml.contains("name=\"MCCounter.tla + MCCounterLow.cfg\""), xml);

        CliRun missing = CliRun.of("gate-merge", one.toString());
        assertEquals(3, missing.exit(), missing.out() + missing.err());
        assertTrue(missing.out().contains("shard 2/2 is missing"), missing.out());
    }

    @Test
    void aFailingShardFailsTheMerge() throws Exception {
        Path specs = specs(false);
        Path one = shard(specs, 1, 2);
        Path two = shard(specs, 2, 2);
        CliRun r = CliRun.of("gate-merge", one.toString(), two.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL counter/MCCounter.tla + MCCounterLow.cfg"), r.out());
        assertTrue(r.out().contains("gate FAILED (2 of 2 shards merged)"), r.out());
    }

    @Test
    void aBadShardIsAUsageError() throws Exception {
        CliRun r = CliRun.of("gate", "--specs", specs(true).toString(), "--shard", "3/2");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("--shard"), r.err());
    }
}
