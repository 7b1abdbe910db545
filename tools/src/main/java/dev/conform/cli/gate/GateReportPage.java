package dev.conform.cli.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code DIR/index.html} of {@code conform gate --report DIR}: every check with its verdict, the
 * reports of failing runs linked beside their check (relative links, so the folder can be moved or
 * archived by CI), and per pairing the coverage its chaos runs reached (reachability properties and
 * how often each spec action was taken). One self-contained page: inline style, no script, no network.
 */
public final class GateReportPage {
    public static final String FILE = "index.html";

    private static final String CSS = """
            body { font: 13px/1.4 system-ui, sans-serif; color: #222; margin: 16px; }
            h1 { font-size: 18px; } h2 { font-size: 15px; margin-top: 20px; }
            table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: 3px 6px; text-align: left;
            vertical-align: top; } th { background: #f3f3f3; } .num { text-align: right; }
            .pass { color: #2e7d32; font-weight: 600; } .fail { color: #c62828; font-weight: 600; }
            .never { background: #fff4f4; } pre { margin: 2px 0; font-size: 11px; white-space: pre-wrap; }
            """;

    private GateReportPage() {
    }

    /** Writes the page into {@code dir} and returns its path. */
    public static Path write(Path dir, List<GateOutcome> outcomes, int exit, Duration time) throws IOException {
        Files.createDirectories(dir);
        StringBuilder b = new StringBuilder(8192);
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>conform gate</title><style>")
                .append(CSS).append("</style></head><body>\n");
        b.append("<h1>conform gate <span id=\"gate-verdict\" class=\"").append(exit == 0 ? "pass\">PASSED" : "fail\">FAILED")
                .append("</span></h1>\n");
        b.append(String.format(Locale.ROOT, "<p id=\"gate-totals\">%d checks, %d passed, %d failed; exit %d; %.1f s</p>%n",
                outcomes.size(), outcomes.size() - failed, failed, exit, time.toMillis() / 1000.0));
        checks(b, dir, outcomes);
        coverage(b, outcomes);
        b.append("</body></html>\n");
        Path page = dir.resolve(FILE);
        Files.writeString(page, b, StandardCharsets.UTF_8);
        return page;
    }

    private static void checks(StringBuilder b, Path dir, List<GateOutcome> outcomes) {
        b.append("<h2>Checks</h2>\n<table id=\"checks\"><tr><th>algorithm</th><th>variant</th><th>check</th>"
                + "<th>verdict</th><th>time</th><th>details and reports</th></tr>\n");
        for (GateOutcome o : outcomes) {
            b.append("<tr class=\"check\" data-passed=\"").append(o.passed()).append("\"><td>").append(esc(o.suite()))
                    .append("</td><td>").append(o.variant() == null ? "" : esc(o.variant()))
                    .append("</td><td>").append(esc(o.name()))
                    .append("</td><td class=\"verdict ").append(o.passed() ? "pass" : "fail").append("\">")
                    .append(esc(o.verdict()))
                    .append(String.format(Locale.ROOT, "</td><td class=\"num\">%.1f s</td><td>", o.time().toMillis() / 1000.0));
            if (!o.passed() && o.detail() != null) {
                b.append(esc(o.detail()));
            }
            for (Path r : o.reports()) {
                String href = dir.toAbsolutePath().normalize().relativize(r.toAbsolutePath().normalize()).toString()
                        .replace(java.io.File.separatorChar, '/');
                b.append("<br><a class=\"run-report\" href=\"").append(esc(href)).append("\">").append(esc(href))
                        .append("</a>");
            }
            if (!o.replay().isEmpty()) {
                b.append("<pre>").append(esc(String.join("\n", o.replay()))).append("</pre>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void coverage(StringBuilder b, List<GateOutcome> outcomes) {
        b.append("<h2>Coverage of the chaos runs</h2>\n");
        boolean any = false;
        for (GateOutcome o : outcomes) {
            CoverageSummary c = o.coverage();
            if (c == null) {
                continue;
            }
            any = true;
            b.append("<h3>").append(esc(o.suite())).append(" (").append(c.runs()).append(" runs)</h3>\n");
            b.append("<table class=\"coverage\" data-suite=\"").append(esc(o.suite()))
                    .append("\"><tr><th>reachability property</th><th>runs reaching it</th></tr>\n");
            for (Map.Entry<String, Integer> e : c.reached().entrySet()) {
                b.append("<tr").append(e.getValue() == 0 ? " class=\"never\"" : "").append("><td>").append(esc(e.getKey()))
                        .append("</td><td class=\"num\">").append(e.getValue()).append(" / ").append(c.runs())
                        .append("</td></tr>\n");
            }
            b.append("<tr><th>spec action</th><th>times taken</th></tr>\n");
            for (Map.Entry<String, Long> e : c.actions().entrySet()) {
                b.append("<tr class=\"action\"><td>").append(esc(e.getKey())).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%,d", e.getValue())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (!any) {
            b.append("<p>No chaos runs were replayed (no gate.json selected, or none ran).</p>\n");
        }
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
