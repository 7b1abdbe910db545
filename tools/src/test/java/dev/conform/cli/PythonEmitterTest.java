package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A producer outside conform, written from docs/trace-format.md alone: the Python class shown there
 * (taken from the page itself, so page and test cannot differ) driven through a PingCounter run by
 * {@code cli/emitter/pingcounter_emitter.py}. Its trace must pass {@code --format-only} and the full
 * validation against TracePingCounter.tla (TLC and the Java invariants).
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PythonEmitterTest {
    @TempDir
    Path tmp;

    @Test
    void aTraceFromThePythonOfTheFormatDocValidates() throws Exception {
        List<DocBlocks> python = DocBlocks.of(DocBlocks.ROOT.resolve("docs/trace-format.md")).stream()
                .filter(b -> b.language().equals("python")).toList();
        assertEquals(1, python.size(), "trace-format.md shows one Python emitter");
        Files.writeString(tmp.resolve("trace_doc.py"), String.join("\n", python.get(0).lines()) + "\n");
        Path driver = tmp.resolve("pingcounter_emitter.py");
        Files.copy(CliRun.resource("emitter/pingcounter_emitter.py"), driver);
        Path trace = tmp.resolve("pingcounter.ndjson");
        Process p = new ProcessBuilder("python3", driver.toString(), trace.toString()).directory(tmp.toFile())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);

        CliRun format = CliRun.of("validate", "--format-only", "--trace", trace.toString());
        assertEquals(0, format.exit(), format.out() + format.err());
        assertTrue(format.out().contains("pingcounter, 48 events): the trace is well formed"), format.out());

        Path spec = DocBlocks.ROOT.resolve("specs/pingcounter/TracePingCounter.tla");
        CliRun full = CliRun.of("validate", "--trace", trace.toString(), "--spec", spec.toString());
        assertEquals(0, full.exit(), full.out() + full.err());
        assertTrue(full.out().contains("CONFORMS - all 48 events matched the spec"), full.out());

        // The same emitter with one lie: a node raises its counter on a ping it never received.
        List<String> lines = Files.readAllLines(trace);
        String lie = lines.stream().filter(l -> l.contains("\"action\":\"Receive\"")).findFirst().orElseThrow();
        Path bad = tmp.resolve("bad.ndjson");
        Files.writeString(bad, String.join("\n", lines).replace(lie, lie.replaceFirst("\"count\":\\d+", "\"count\":2"))
                + "\n");
        CliRun rejected = CliRun.of("validate", "--trace", bad.toString(), "--spec", spec.toString(), "--tlc-only");
        assertEquals(1, rejected.exit(), rejected.out() + rejected.err());
    }
}
