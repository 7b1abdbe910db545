package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.cli.report.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code conform gate --report DIR}: the summary page DIR/index.html in headless Chromium. The gate
 * runs PingCounter whole (model check, chaos runs, coverage, TLC validation: all pass) and CRDT
 * through a trace spec that admits no read (every trace TLC validates diverges), so the page has
 * passing and failing checks, reports to link and coverage of two algorithms.
 */
@Tag("browser")
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GateReportBrowserTest {

    @TempDir
    Path specs;

    @Test
    void summaryLinksEveryFailingRunsReportAndShowsVerdictsAndCoverage() throws Exception {
        GateSpecsFixture.copy(specs, "pingcounter");
        Path crdt = GateSpecsFixture.copy(specs, "crdt");
        Files.delete(crdt.resolve("mbt.json")); // only the checks of the gate.json below
        String spec = Files.readString(crdt.resolve("TraceCrdt.tla"));
        String read = "    /\\ IsAction(e, \"Read\")";
        assertTrue(spec.contains(read), "the fixture edits TraceCrdt's read action");
        Files.writeString(crdt.resolve("TraceCrdt.tla"), spec.replace(read, read + "\n    /\\ FALSE"));
        Files.writeString(crdt.resolve("gate.json"), """
                {"algorithm": "crdt", "modelCheck": [], "traceSpec": "TraceCrdt.tla", "steps": 500,
                 "intensity": "LOW", "options": {"type": "g-counter", "updates": "2", "fanout": "1"},
                 "seeds": {"quick": 4, "default": 4, "soak": 4}, "tlcSample": {"quick": 4, "default": 4, "soak": 4}}
                """);
        Path reports = specs.resolve("reports");
        CliRun gate = CliRun.of("gate", "--specs", specs.toString(), "--seeds", "4", "--workers", "1",
                "--runs", specs.resolve("runs").toString(), "--report", reports.toString(),
                "--junit", specs.resolve("junit").toString());
        assertEquals(1, gate.exit(), gate.out() + gate.err());
        Path index = reports.resolve("index.html");
        assertTrue(gate.out().contains("report: " + index), gate.out());
        String source = Files.readString(index);
        assertFalse(Pattern.compile("src\\s*=|@import|url\\(|https?://|<script").matcher(source).find(),
                "nothing is loaded from elsewhere, nothing runs");

        try (Chromium browser = Chromium.start()) {
            browser.open(index);
            assertEquals(List.of(), browser.consoleErrors());
            assertEquals("FAILED", browser.driver().findElement(By.id("gate-verdict")).getText());

            // One row per check (the JUnit report's testcases), each with its verdict.
            int checks = Integer.parseInt(gate.out().replaceAll("(?s).*\n(\\d+) checks, .*", "$1"));
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#checks tr.check"));
            assertEquals(checks, rows.size());
            long failedRows = rows.stream().filter(r -> r.getAttribute("data-passed").equals("false")).count();
            assertEquals(gate.out().lines().filter(l -> l.startsWith("FAIL ")).count(), failedRows);
            for (WebElement r : rows) {
                List<WebElement> cells = r.findElements(By.tagName("td"));
                String suite = cells.get(0).getText();
                String name = cells.get(2).getText();
                String junit = Files.readString(specs.resolve("junit/TEST-conform-gate-" + suite + ".xml"));
                assertTrue(junit.contains("name=\"" + name + "\""), name + " is a check of " + suite);
                assertFalse(r.findElement(By.cssSelector("td.verdict")).getText().isBlank(), name);
            }
            assertTrue(rows.stream().anyMatch(r -> r.getText().contains("pingcounter")
                    && r.findElement(By.cssSelector("td.verdict")).getText().startsWith("CONFORMS")));
            assertTrue(rows.stream().anyMatch(r -> r.getText().contains("crdt")
                    && r.findElement(By.cssSelector("td.verdict")).getText().startsWith("DIVERGES")));

            // Every link resolves to a report written beside the others; the first opens on its divergence.
            List<WebElement> links = browser.driver().findElements(By.cssSelector("a.run-report"));
            assertTrue(links.size() >= 1 && links.size() <= 3, links.size() + " reports (3 failures are shown)");
            for (WebElement a : links) {
                assertTrue(Files.isRegularFile(Path.of(java.net.URI.create(a.getAttribute("href")))), a.getAttribute("href"));
            }

            // Coverage of spec actions per algorithm.
            for (String suite : List.of("pingcounter", "crdt")) {
                WebElement table = browser.driver().findElement(By.cssSelector("table.coverage[data-suite='" + suite + "']"));
                assertFalse(table.findElements(By.cssSelector("tr.action")).isEmpty(), suite + " took spec actions");
            }
            assertTrue(gate.out().contains("coverage crdt: "), gate.out());
            String crdtActions = browser.driver().findElement(By.cssSelector("table.coverage[data-suite='crdt']")).getText();
            assertTrue(crdtActions.contains("Read"), crdtActions);
            browser.screenshot("gate-summary");

            links.get(0).click();
            assertEquals(List.of(), browser.consoleErrors());
            assertTrue(((Number) browser.js("return conformReport.diverging")).longValue() >= 0);
            assertTrue(browser.driver().findElement(By.id("diagnosis")).isDisplayed());
            browser.screenshot("gate-linked-report");
        }
    }
}
