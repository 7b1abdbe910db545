package dev.conform.checker.validate;

import dev.conform.checker.invariants.ReplayResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code conform validate --junit}: one test suite per trace with one test case for the TLC
 * check of the whole trace and one per Java invariant, so CI dashboards show each by name. A
 * failure or error carries the text report ({@link ReportText}) as its body, the diagnostic a
 * reader of the CI log would want; every test case carries its time (the TLC runs' for the TLC
 * case; the Java replay checks all invariants in one pass, so its time is shared among them).
 */
public final class ReportJunit {
    private ReportJunit() {
    }

    public static String toXml(ValidationReport r) {
        StringWriter text = new StringWriter();
        ReportText.print(r, new PrintWriter(text));
        String body = text.toString();
        StringBuilder cases = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        Duration total = Duration.ZERO;
        String suite = "conform.validate." + (r.algorithm() == null ? "trace" : r.algorithm());
        if (r.badInput() != null) {
            tests++;
            errors++;
            cases.append(testCase(suite, "trace", Duration.ZERO, "error", "bad input", r.badInput(), body));
        }
        if (r.tlc() != null) {
            tests++;
            TlcValidation t = r.tlc();
            String kind = switch (t.outcome()) {
                case CONFORMS -> null;
                case DIVERGES, INVARIANT_VIOLATED -> "failure";
                default -> "error";
            };
            failures += "failure".equals(kind) ? 1 : 0;
            errors += "error".equals(kind) ? 1 : 0;
            total = total.plus(t.duration());
            cases.append(testCase(suite, "tlc " + r.trace().getFileName(), t.duration(), kind, t.outcome().name(),
                    t.message(), body));
        }
        if (r.java() != null) {
            ReplayResult j = r.java();
            total = total.plus(j.duration());
            ReplayResult.Failure f = j.failure();
            boolean foldFailure = f != null && f.invariant() == null;
            int share = j.verdicts().size() + (foldFailure ? 1 : 0);
            Duration each = share == 0 ? Duration.ZERO : j.duration().dividedBy(share);
            for (ReplayResult.InvariantVerdict v : j.verdicts()) {
                tests++;
                String kind = v.passed() ? null : v.skipped() ? "skipped" : "failure";
                failures += "failure".equals(kind) ? 1 : 0;
                cases.append(testCase(suite, "java " + v.name(), each, kind, v.kind().name(), v.detail(), body));
            }
            if (foldFailure) {
                tests++;
                failures++;
                cases.append(testCase(suite, r.formatOnly() ? "format" : "java replay", each, "failure", "fold",
                        f.message(), body));
            } else if (r.formatOnly()) {
                tests++;
                cases.append(testCase(suite, "format", j.duration(), null, null, null, body));
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + esc(suite) + "\" tests=\"" + tests
                + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" time=\"" + seconds(total) + "\">\n"
                + cases + "</testsuite>\n";
    }

    private static String testCase(String suite, String name, Duration time, String kind, String type, String message,
                                   String body) {
        StringBuilder sb = new StringBuilder("  <testcase classname=\"").append(esc(suite)).append("\" name=\"")
                .append(esc(name)).append("\" time=\"").append(seconds(time)).append("\"");
        if (kind == null) {
            return sb.append("/>\n").toString();
        }
        sb.append(">\n    <").append(kind).append(" type=\"").append(esc(type)).append("\" message=\"")
                .append(esc(message == null ? "" : message)).append("\"");
        if ("skipped".equals(kind)) {
            sb.append("/>\n");
        } else {
            sb.append(">").append(escBody(body)).append("</").append(kind).append(">\n");
        }
        return sb.append("  </testcase>\n").toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    /** Element text: markup escaped, line breaks kept. */
    private static String escBody(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                default -> sb.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return sb.toString();
    }

    private static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append("&#10;");
                default -> sb.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
