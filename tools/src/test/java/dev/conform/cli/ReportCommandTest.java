package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code conform report} without a browser: the file it writes and the input it refuses. */
class ReportCommandTest {
    private static final Path GOOD = Path.of("../docs/example-trace.ndjson");
    private static final String HEADER = Files.exists(GOOD) ? firstLine(GOOD) : null;

    @TempDir
    Path dir;

    @Test
    void writesOneSelfContainedPageBesideTheTraceByDefault() throws IOException {
        Path trace = dir.resolve("example.ndjson");
        Files.copy(GOOD, trace);
        CliRun run = CliRun.of("report", trace.toString());
        assertEquals(0, run.exit(), run.err());
        Path html = dir.resolve("example.html");
        assertTrue(run.out().contains(html.toString()), run.out());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertFalse(page.contains("/*@"), "every placeholder filled");
        assertFalse(Pattern.compile("(src|href)\\s*=|@import|url\\(|https?://").matcher(page).find(),
                "nothing is loaded from elsewhere");
        assertEquals(2, count(page, "<script"), "the data and the code, both inline");
        assertTrue(page.contains("\"action\":\"BecomeLeader\""));
    }

    @Test
    void noStringInTheTraceCanCloseTheScriptElement() throws IOException {
        Path trace = dir.resolve("hostile.ndjson");
        Files.writeString(trace, HEADER + "\n"
                + "{\"seq\":1,\"node\":1,\"kind\":\"action\",\"action\":\"Timeout\",\"state\":{\"note\":"
                + "\"</script><script>alert(1)</script><!--\"}}\n");
        Path html = dir.resolve("hostile.html");
        CliRun run = CliRun.of("report", trace.toString(), "-o", html.toString());
        assertEquals(0, run.exit(), run.err());
        String page = Files.readString(html).toLowerCase(java.util.Locale.ROOT);
        assertEquals(2, count(page, "</script"), "only the page's own two script elements close");
        assertFalse(page.contains("<!--"));
        assertTrue(page.contains("\\u003c/script>\\u003cscript>alert(1)"));
    }

    @Test
    void malformedTraceIsBadInputAtItsLineAndColumn() throws IOException {
        Path trace = dir.resolve("bad.ndjson");
        Files.writeString(trace, HEADER + "\n{\"seq\":1,\"node\":1,\"kind\":\"nap\"}\n");
        Path html = dir.resolve("bad.html");
        CliRun run = CliRun.of("report", trace.toString(), "-o", html.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("bad.ndjson:2:"), run.err());
        assertFalse(Files.exists(html), "no half-written page");
        assertFalse(Files.exists(dir.resolve("bad.html.tmp")));
    }

    @Test
    void refusesAValidationResultOfAnotherTrace() throws IOException {
        Path html = dir.resolve("r.html");
        Path result = CliRun.resource("report/bad-append-mismatched-prev.validation.json"); // 51 raft events
        CliRun run = CliRun.of("report", GOOD.toString(), "--validation", result.toString(), "-o", html.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("the result of another trace"), run.err());
        assertFalse(Files.exists(html));

        Path notResult = dir.resolve("x.json");
        Files.writeString(notResult, "[1, 2]");
        run = CliRun.of("report", GOOD.toString(), "--validation", notResult.toString(), "-o", html.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("not a validation result"), run.err());
    }

    /**
     * Every bundled algorithm's fixtures, passing and failing, are drawn whole; a trace the Java
     * invariants reject gets its report from {@code validate --report}, named like the trace and
     * carrying the verdict, and a conforming one gets none. (TLC's verdicts in the page: the browser tests.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.conform.cli.BundledTraces#all")
    void everyBundledTraceIsDrawnAndAJavaRejectionReported(BundledTraces.Fixture f) throws IOException {
        long events = Files.lines(f.trace()).count() - 1;
        Path html = dir.resolve("drawn.html");
        CliRun run = CliRun.of("report", f.trace().toString(), "-o", html.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains(String.format("(%,d events", events)), run.out());

        Path reports = dir.resolve("reports");
        CliRun v = CliRun.of("validate", "--java-only", "--trace", f.trace().toString(), "--report", reports.toString());
        Path report = reports.resolve(f.trace().getFileName().toString().replace(".ndjson", ".html"));
        if (v.exit() == 0) {
            assertFalse(f.bad(), f + " passes the Java invariants");
            assertFalse(Files.exists(report), "no report of a run that conforms");
            assertFalse(v.out().contains("report:"), v.out());
        } else {
            assertEquals(1, v.exit(), v.out() + v.err());
            assertTrue(f.bad(), f + " is rejected: " + v.out());
            assertTrue(v.out().contains("report: " + report), v.out());
            String page = Files.readString(report);
            assertTrue(page.contains("\"status\":\"does_not_conform\""), "the verdict is in the page");
        }
    }

    @Test
    void missingTraceIsBadInput() {
        CliRun run = CliRun.of("report", dir.resolve("none.ndjson").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("no such trace file"), run.err());
    }

    private static int count(String s, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String firstLine(Path p) {
        try {
            return Files.readAllLines(p).get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
