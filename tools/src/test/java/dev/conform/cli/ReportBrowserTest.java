package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conform.cli.report.Chromium;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.io.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * {@code conform report} pages in headless Chromium: they load without console errors, draw the
 * trace's lanes and arrows, show an event's state on click, put a divergence in view and redraw
 * under filters. Screenshots go to target/report-screenshots/.
 */
@Tag("browser")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReportBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Chromium browser;
    /** A seeded Raft run under a chaos plan: clients, a crash, partitions, drops; ~900 events. */
    static Path chaos;

    @BeforeAll
    static void trace() {
        chaos = dir.resolve("raft-seed9.ndjson");
        CliRun run = CliRun.of("run", "raft", "--seed", "9", "--chaos", "medium", "--out", chaos.toString());
        assertEquals(0, run.exit(), run.err());
    }

    /** Each test, not the class, is skipped without a browser, so every skip names what is missing. */
    @BeforeEach
    void browser() {
        if (browser == null) {
            browser = Chromium.start();
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void loadsWithoutConsoleErrorsAndDrawsEveryLaneAndArrow() throws IOException {
        Counts expected = Counts.of(chaos);
        open(report(chaos, null));
        assertEquals(List.of(), browser.consoleErrors());
        assertEquals(expected.lanes, longs(browser.js("return conformReport.lanes")));
        List<WebElement> lanes = browser.driver().findElements(By.cssSelector("#lanes .lane"));
        assertEquals(expected.lanes.size(), lanes.size());
        assertEquals(expected.clients, browser.driver().findElements(By.cssSelector("#lanes .lane.client")).size());
        assertEquals(expected.arrows, number("conformReport.arrows"));
        browser.js("conformReport.fit()");
        settle();
        assertEquals(expected.events, number("conformReport.drawn.events"), "every event drawn when the trace fits");
        assertEquals(expected.arrows, number("conformReport.drawn.arrows"), "every arrow drawn when the trace fits");
        browser.screenshot("loads-whole-trace");
    }

    @Test
    void clickingAnEventShowsItsRecordedState() throws IOException {
        open(report(chaos, null));
        List<TraceEvent> events = TraceReader.readAll(chaos);
        int target = -1;
        for (int i = 0; i < events.size() && target < 0; i++) {
            if (events.get(i).kind() == EventKind.ACTION && events.get(i).state() != null
                    && Boolean.TRUE.equals(browser.js("return conformReport.inView(arguments[0])", i))) {
                target = i;
            }
        }
        assertTrue(target >= 0, "an action event in the first screen");
        click(target);
        assertEquals(target, number("conformReport.selected()"));
        String state = browser.driver().findElement(By.id("detail-state")).getText();
        Object recorded = events.get(target).state();
        assertEquals(JSON.readTree(JSON.writeValueAsString(recorded)), JSON.readTree(state), "the panel shows the recorded state");
        assertTrue(browser.driver().findElement(By.id("detail-what")).getText().contains(events.get(target).action()));
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("click-shows-state");
    }

    /**
     * The result is the saved output of {@code conform validate --trace
     * specs/raft/traces/bad-append-mismatched-prev.ndjson --spec specs/raft/TraceRaft.tla --lib specs/lib
     * --json}, so this test needs no TLC run.
     */
    @Test
    void tlcDivergenceIsHighlightedInViewWithLastStateAndFalseConjuncts() throws IOException {
        Path trace = Path.of("../specs/raft/traces/bad-append-mismatched-prev.ndjson");
        Path result = CliRun.resource("report/bad-append-mismatched-prev.validation.json");
        open(report(trace, result));
        assertEquals(List.of(), browser.consoleErrors());
        int diverging = 51 - 2; // the result's divergence is at line 51; line 1 is the header
        assertEquals(diverging, number("conformReport.diverging"));
        assertEquals(diverging, number("conformReport.selected()"));
        assertEquals(true, browser.js("return conformReport.inView(arguments[0])", diverging));
        WebElement diagnosis = browser.driver().findElement(By.id("diagnosis"));
        assertTrue(diagnosis.isDisplayed());
        String lastState = browser.driver().findElement(By.id("last-state")).getText();
        assertTrue(lastState.contains("currentTerm = <<3, 3, 3>>"), lastState);
        String conjuncts = browser.driver().findElement(By.id("conjuncts")).getText();
        assertTrue(conjuncts.contains("IsHandleAppendEntries"), conjuncts);
        assertTrue(conjuncts.contains("ServerAction(e, \"Timeout\")"), conjuncts);
        assertTrue(browser.driver().findElement(By.id("detail")).getText().contains("line 51"));
        browser.screenshot("tlc-divergence");
    }

    @Test
    void javaRejectionFarDownIsScrolledIntoView() throws IOException {
        Path bad = dir.resolve("raft-seed9-term.ndjson");
        int line = raiseLateTerm(chaos, bad);
        CliRun validate = CliRun.of("validate", "--trace", bad.toString(), "--java-only", "--json");
        assertEquals(1, validate.exit(), validate.err());
        Path result = dir.resolve("term.validation.json");
        Files.writeString(result, validate.out());
        open(report(bad, result));
        assertEquals(List.of(), browser.consoleErrors());
        int event = line - 2;
        assertEquals(event, number("conformReport.diverging"));
        assertEquals(List.of((long) event), longs(browser.js("return conformReport.marks")));
        assertEquals(true, browser.js("return conformReport.inView(arguments[0])", event));
        assertEquals(false, browser.js("return conformReport.inView(0)"), "scrolled away from the start");
        assertTrue(browser.driver().findElement(By.id("diagnosis")).getText().contains("currentTerm"));
        browser.screenshot("java-rejection-in-view");
    }

    @Test
    void filtersChangeWhatIsDrawn() throws IOException {
        Counts all = Counts.of(chaos);
        open(report(chaos, null));
        browser.js("conformReport.fit()");
        settle();
        int node = all.lanes.get(0).intValue();
        WebElement nodeBox = browser.driver().findElement(By.cssSelector("#filter-nodes input[data-key='0']"));
        nodeBox.click();
        settle();
        assertEquals(all.lanes.size() - 1, browser.driver().findElements(By.cssSelector("#lanes .lane")).size());
        assertEquals(all.events - all.eventsOn(node), number("conformReport.drawn.events"));
        assertTrue(number("conformReport.drawn.arrows") < all.arrows, "arrows of a hidden node are not drawn");
        browser.screenshot("filter-node-hidden");
        nodeBox.click();
        String type = "AppendEntries";
        browser.driver().findElement(By.cssSelector("#filter-types input[data-key='" + type + "']")).click();
        settle();
        assertEquals(all.events - all.eventsOfType(type), number("conformReport.drawn.events"));
        assertEquals(all.arrows - all.arrowsOfType(type), number("conformReport.drawn.arrows"));
        String action = "HandleAppendEntries";
        browser.driver().findElement(By.cssSelector("#filter-actions input[data-key='" + action + "']")).click();
        settle();
        assertEquals(all.events - all.eventsOfType(type) - all.actions(action), number("conformReport.drawn.events"));
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("filter-type-and-action-hidden");
    }

    @Test
    void vectorClockLayoutKeepsEveryEventAndArrow() throws IOException {
        Counts all = Counts.of(chaos);
        open(report(chaos, null));
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("layout"))).selectByValue("vc");
        browser.js("conformReport.fit()");
        settle();
        assertEquals(all.events, number("conformReport.drawn.events"));
        assertEquals(all.arrows, number("conformReport.drawn.arrows"));
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("vector-clock-layout");
    }

    @Test
    void traceStringsAreShownAsTextNeverRunAsMarkup() throws IOException {
        Path trace = dir.resolve("hostile.ndjson");
        String header = Files.readAllLines(Path.of("../docs/example-trace.ndjson")).get(0);
        String note = "</script><script>window.pwned = 1</script><img src=x onerror=\\\"window.pwned = 2\\\">";
        Files.writeString(trace, header + "\n{\"seq\":1,\"node\":1,\"kind\":\"action\",\"action\":\"Timeout\","
                + "\"state\":{\"note\":\"" + note + "\"}}\n");
        open(report(trace, null));
        click(0);
        assertEquals(List.of(), browser.consoleErrors());
        assertEquals(null, browser.js("return window.pwned === undefined ? null : window.pwned"));
        String shown = browser.driver().findElement(By.id("detail-state")).getText();
        assertTrue(shown.contains("</script><script>window.pwned = 1</script><img src=x"), shown);
    }

    /**
     * About 100,000 events of a Raft run: the page opens, draws the rows in view and jumps to the
     * last event. Time to first render and size go to target/report-screenshots/large-trace.txt
     * (measured, not asserted: tests never assert on wall-clock time).
     */
    @Test
    void hundredThousandEventsOpen() throws IOException {
        Path big = dir.resolve("raft-100k.ndjson");
        CliRun run = CliRun.of("run", "raft", "--seed", "3", "--option", "clients=0", "--chaos", "medium",
                "--horizon", "20000", "--steps", "38000", "--out", big.toString());
        assertEquals(0, run.exit(), run.err());
        long events = Files.lines(big).count() - 1;
        assertTrue(events > 90_000, events + " events");
        Path html = report(big, null);
        open(html);
        assertEquals(List.of(), browser.consoleErrors());
        long drawn = number("conformReport.drawn.events");
        assertTrue(drawn > 0 && drawn < events, "only the rows in view are drawn: " + drawn);
        long firstRender = number("conformReport.firstRenderMs");
        browser.js("conformReport.select(conformReport.events - 1)");
        settle();
        assertEquals(true, browser.js("return conformReport.inView(conformReport.events - 1)"));
        Files.createDirectories(Path.of("target", "report-screenshots"));
        Files.writeString(Path.of("target", "report-screenshots", "large-trace.txt"), String.format(
                "events %d%ntrace bytes %d%nreport bytes %d%nfirst render ms %d (navigation start to first frame)%n",
                events, Files.size(big), Files.size(html), firstRender));
        browser.screenshot("large-trace-end");
    }

    /**
     * Every bundled algorithm's fixtures load without console errors: a passing trace is drawn whole,
     * a failing one is validated (TLC and Java) with {@code validate --report} and its page opens on
     * what failed it, marked and in view, with the diagnosis shown.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.conform.cli.BundledTraces#all")
    @Tag("tlc")
    void everyBundledTraceLoadsAndAFailingOneOpensOnWhatFailedIt(BundledTraces.Fixture f) throws IOException {
        Counts expected = Counts.of(f.trace());
        Path html;
        if (f.bad()) {
            Path reports = dir.resolve("bundled");
            CliRun v = CliRun.of("validate", "--spec", f.spec().toString(), "--lib", BundledTraces.library().toString(),
                    "--trace", f.trace().toString(), "--report", reports.toString());
            assertEquals(1, v.exit(), v.out() + v.err());
            html = reports.resolve(f.trace().getFileName().toString().replace(".ndjson", ".html"));
            assertTrue(v.out().contains("report: " + html), v.out());
        } else {
            html = report(f.trace(), null);
        }
        open(html);
        assertEquals(List.of(), browser.consoleErrors());
        assertEquals(expected.lanes, longs(browser.js("return conformReport.lanes")));
        assertEquals(expected.arrows, number("conformReport.arrows"));
        if (f.bad()) {
            long diverging = number("conformReport.diverging");
            assertTrue(diverging >= 0, "the page opens on what failed " + f);
            assertTrue(longs(browser.js("return conformReport.marks")).contains(diverging));
            assertEquals(true, browser.js("return conformReport.inView(arguments[0])", diverging));
            assertTrue(browser.driver().findElement(By.id("diagnosis")).isDisplayed());
        } else {
            browser.js("conformReport.fit()");
            settle();
            assertEquals(expected.events, number("conformReport.drawn.events"));
            assertEquals(expected.arrows, number("conformReport.drawn.arrows"));
        }
        browser.screenshot("bundled-" + f.toString().replace('/', '-').replace(".ndjson", ""));
    }

    /**
     * A merged trace of a real TCP cluster ({@code conform cluster start raft --nodes 3}, writes,
     * the leader killed and restarted, {@code conform cluster trace}; recorded by
     * ClusterEndToEndTest): no global sequence, events ordered by vector clocks, a crash and a
     * restart. It loads without console errors and draws every event and arrow in both layouts.
     */
    @Test
    void mergedTcpClusterTraceIsDrawnWhole() throws IOException {
        Path trace = CliRun.resource("report/raft-tcp-cluster.ndjson");
        Counts expected = Counts.of(trace);
        open(report(trace, null));
        assertEquals(List.of(), browser.consoleErrors());
        assertEquals(expected.lanes, longs(browser.js("return conformReport.lanes")));
        assertEquals(expected.clients, browser.driver().findElements(By.cssSelector("#lanes .lane.client")).size());
        assertEquals(expected.arrows, number("conformReport.arrows"));
        for (String layout : List.of("lamport", "vc")) {
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("layout"))).selectByValue(layout);
            browser.js("conformReport.fit()");
            settle();
            assertEquals(expected.events, number("conformReport.drawn.events"), layout);
            assertEquals(expected.arrows, number("conformReport.drawn.arrows"), layout);
        }
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("tcp-cluster");
    }

    // ---- helpers

    private static Path report(Path trace, Path validation) {
        Path html = dir.resolve(trace.getFileName() + (validation == null ? "" : ".validated") + ".html");
        List<String> args = new ArrayList<>(List.of("report", trace.toString(), "-o", html.toString()));
        if (validation != null) {
            args.addAll(List.of("--validation", validation.toString()));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        return html;
    }

    private static void open(Path html) {
        browser.open(html);
        settle();
    }

    /** Waits for two animation frames, so a redraw asked for has happened. */
    private static void settle() {
        browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "requestAnimationFrame(() => requestAnimationFrame(() => done()));");
    }

    /** Clicks the canvas where event {@code i} is drawn, with the mouse. */
    private static void click(int i) {
        @SuppressWarnings("unchecked")
        Map<String, Number> p = (Map<String, Number>) browser.js("return conformReport.position(arguments[0])", i);
        WebElement canvas = browser.driver().findElement(By.id("canvas"));
        Rectangle r = canvas.getRect();
        int dx = (int) Math.round(p.get("x").doubleValue() - r.getWidth() / 2.0);
        int dy = (int) Math.round(p.get("y").doubleValue() - r.getHeight() / 2.0);
        new Actions(browser.driver()).moveToElement(canvas, dx, dy).click().perform();
        settle();
    }

    private static long number(String expression) {
        return ((Number) browser.js("return " + expression)).longValue();
    }

    private static List<Long> longs(Object list) {
        List<Long> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add(((Number) o).longValue());
        }
        return out;
    }

    /** Writes {@code trace} with the term of its fifth-last Raft action raised by 1000; returns that line. */
    private static int raiseLateTerm(Path trace, Path out) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        int seen = 0;
        for (int i = lines.size() - 1; i > 0; i--) {
            if (lines.get(i).contains("\"kind\":\"action\"") && lines.get(i).contains("\"currentTerm\"") && ++seen == 5) {
                ObjectNode e = (ObjectNode) JSON.readTree(lines.get(i));
                ObjectNode state = (ObjectNode) e.get("state");
                state.put("currentTerm", state.get("currentTerm").asLong() + 1000);
                lines.set(i, JSON.writeValueAsString(e));
                Files.write(out, lines);
                return i + 1;
            }
        }
        throw new IllegalStateException("no Raft action to change in " + trace);
    }

    /** What the page should draw, counted from the trace independently of the page. */
    private record Counts(List<Long> lanes, int clients, long events, long arrows, List<TraceEvent> all,
                          List<TraceEvent[]> pairs) {
        static Counts of(Path trace) {
            List<TraceEvent> events;
            TraceHeader h;
            try (TraceReader r = TraceReader.open(trace)) {
                h = r.header();
            }
            events = TraceReader.readAll(trace);
            List<Long> lanes = new ArrayList<>();
            h.servers().forEach(n -> lanes.add((long) n));
            h.clients().forEach(n -> lanes.add((long) n));
            if (events.stream().anyMatch(e -> e.node() == 0)) {
                lanes.add(0L);
            }
            Map<Long, TraceEvent> sends = new java.util.HashMap<>();
            List<TraceEvent[]> pairs = new ArrayList<>();
            for (TraceEvent e : events) {
                if (e.kind() == EventKind.SEND) {
                    sends.put(e.msg().id(), e);
                } else if ((e.kind() == EventKind.DELIVER || e.kind() == EventKind.DROP) && sends.containsKey(e.msg().id())) {
                    pairs.add(new TraceEvent[] {sends.get(e.msg().id()), e});
                }
            }
            return new Counts(lanes, h.clients().size(), events.size(), pairs.size(), events, pairs);
        }

        long eventsOn(int node) {
            return all.stream().filter(e -> e.node() == node).count();
        }

        long eventsOfType(String type) {
            return all.stream().filter(e -> e.msg() != null && e.msg().type().equals(type)).count();
        }

        long arrowsOfType(String type) {
            return pairs.stream().filter(p -> p[0].msg().type().equals(type)).count();
        }

        long actions(String name) {
            return all.stream().filter(e -> e.kind() == EventKind.ACTION && name.equals(e.action())).count();
        }
    }
}
