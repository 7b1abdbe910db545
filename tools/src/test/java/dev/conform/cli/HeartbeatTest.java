package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The periodic progress line of long runs off a terminal: one plain line per beat, no control codes. */
class HeartbeatTest {
    @Test
    void printsOnePlainLinePerBeatWithTheLatestStatus() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CountDownLatch beats = new CountDownLatch(3);
        try (Heartbeat h = new Heartbeat(err, "check", () -> {
            beats.countDown();
            return beats.getCount() == 2 ? null : "42 distinct states";
        }, Duration.ofMillis(20))) {
            assertTrue(beats.await(10, TimeUnit.SECONDS), "three beats");
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        int lines = (int) out.lines().count();
        assertTrue(lines >= 3, out);
        for (String l : out.lines().toList()) {
            assertTrue(l.matches("conform: check running \\d+ s(, 42 distinct states)?"), l);
            assertTrue(!l.contains("\r") && !l.contains("\u001b"), "no terminal control codes in a log: " + l);
        }
        // The first beat had no status yet, the later ones the latest.
        assertTrue(out.lines().findFirst().orElseThrow().matches("conform: check running \\d+ s"), out);
        assertTrue(out.lines().skip(1).findFirst().orElseThrow().endsWith(", 42 distinct states"), out);
    }

    @Test
    void progressModesAreCheckedAndNeverPrintsNothing() {
        RunCommandTest.Outcome bad = RunCommandTest.conform("validate", "--format-only", "--progress", "sometimes",
                "--trace", DocBlocks.ROOT.resolve("docs/example-trace.ndjson").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--progress must be auto, always or never"), bad.err());
        for (String mode : new String[] {"auto", "always", "never"}) {
            RunCommandTest.Outcome ok = RunCommandTest.conform("validate", "--format-only", "--progress", mode,
                    "--trace", DocBlocks.ROOT.resolve("docs/example-trace.ndjson").toString());
            assertEquals(0, ok.code(), mode + ": " + ok.err());
        }
    }
}
