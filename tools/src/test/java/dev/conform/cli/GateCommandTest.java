package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code conform gate} over a temporary specs folder, with real TLC. */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GateCommandTest {

    @TempDir
    Path specs;

    private void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void expectedViolationPassesAndJUnitIsWritten() throws Exception {
        copyFolder(CliRun.resource("folder"), specs.resolve("counter"));
        Files.createDirectories(specs.resolve("lib"));
        Path junit = specs.resolve("junit");
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--junit", junit.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("2 checks, 2 passed, 0 failed"), r.out());
        String xml = Files.readString(junit.resolve("TEST-conform-gate-counter.xml"));
        assertTrue(xml.contains("expected INVARIANT_VIOLATED (Low)"), xml);
        assertTrue(xml.contains("tests=\"2\"") && xml.contains("failures=\"0\""), xml);
        assertTrue(xml.contains("name=\"MCCounter.tla + MCCounterLow.cfg\""), xml);
    }

    @Test
    void unexpectedViolationFailsTheGate() throws Exception {
        copyFolder(CliRun.resource("folder"), specs.resolve("counter"));
        Files.delete(specs.resolve("counter/expected.json"));
        Path junit = specs.resolve("junit");
        CliRun r = CliRun.of("gate", "--specs", specs.toString(), "--junit", junit.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL counter/MCCounter.tla + MCCounterLow.cfg"), r.out());
        assertTrue(Files.readString(junit.resolve("TEST-conform-gate-counter.xml")).contains("<failure"));
    }

    @Test
    void nothingToCheckIsBadInput() {
        CliRun r = CliRun.of("gate", "--specs", specs.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("nothing to check"), r.err());
    }
}
