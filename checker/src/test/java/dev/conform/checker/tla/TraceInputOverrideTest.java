package dev.conform.checker.tla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs real TLC to prove that TraceInput's operators are the Java overrides. */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TraceInputOverrideTest {
    static final Path PROBE = Path.of("src/test/resources/specs/probe");
    static final Path PING = Path.of("src/test/resources/specs/pingcounter");

    @Test
    void overrideSuppliesTheTraceContent(@TempDir Path work) throws Exception {
        var out = TlcProcess.run(PROBE, work, "OverrideProbe",
                Map.of("conform.trace", PROBE.resolve("probe.ndjson").toAbsolutePath().toString()), true);
        assertEquals(0, out.exit(), out.output());
        assertTrue(out.output().contains("No error has been found"), out.output());
    }

    @Test
    void withoutTheOverrideThePlaceholderStopsTlc(@TempDir Path work) throws Exception {
        var out = TlcProcess.run(PROBE, work, "OverrideProbe",
                Map.of("conform.trace", PROBE.resolve("probe.ndjson").toAbsolutePath().toString()), false);
        assertNotEquals(0, out.exit(), out.output());
        assertTrue(out.output().contains("the conform Java override is not loaded"), out.output());
    }

    @Test
    void wholeTraceMatchedShowsAsTraceNotFinishedViolated(@TempDir Path work) throws Exception {
        Files.createDirectories(work);
        var out = TlcProcess.run(PING, work, "TracePingCounterAccept",
                Map.of("conform.trace", PING.resolve("traces/good-basic.ndjson").toAbsolutePath().toString()), true);
        assertTrue(out.output().contains("Invariant TraceNotFinished is violated"), out.output());
        assertTrue(out.output().contains("/\\ l = 11"), out.output());
    }

    @Test
    void integersBeyond32BitsFailWithThePosition(@TempDir Path work) throws Exception {
        Path big = work.resolve("big.ndjson");
        Files.writeString(big, "{\"type\":\"header\",\"algorithm\":\"probe\"}\n{\"seq\":1,\"node\":4294967296}\n");
        Path run = Files.createDirectory(work.resolve("run"));
        var out = TlcProcess.run(PROBE, run, "OverrideProbe", Map.of("conform.trace", big.toString()), true);
        assertNotEquals(0, out.exit(), out.output());
        assertTrue(out.output().contains(big + ":2:17: integer 4294967296 does not fit TLC's 32-bit integers"),
                out.output());
    }
}
