package dev.conform.checker.validate;

import dev.conform.checker.invariants.ReplayResult;

/**
 * {@code conform validate --junit}: one test suite per trace with one test case for the TLC
 * check of the whole trace and one per Java invariant, so CI dashboards show each by name.
 */
public final class ReportJunit {
    private ReportJunit() {
    }

    public static String toXml(ValidationReport r) {
        StringBuilder cases = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        String suite = "conform.validate." + (r.algorithm() == null ? "trace" : r.algorithm());
        if (r.badInput() != null) {
            tests++;
            errors++;
            cases.append(testCase(suite, "trace", "error", "bad input", r.badInput()));
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
            cases.append(testCase(suite, "tlc " + r.trace().getFileName(), kind, t.outcome().name(), t.message()));
        }
        if (r.java() != null) {
            for (ReplayResult.InvariantVerdict v : r.java().verdicts()) {
                tests++;
                failures += v.passed() ? 0 : 1;
                cases.append(testCase(suite, "java " + v.name(), v.passed() ? null : "failure", v.kind().name(), v.detail()));
            }
            ReplayResult.Failure f = r.java().failure();
            if (f != null && f.invariant() == null) {
                tests++;
                failures++;
                cases.append(testCase(suite, "java replay", "failure", "fold", f.message()));
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + esc(suite) + "\" tests=\"" + tests
                + "\" failures=\"" + failures + "\" errors=\"" + errors + "\">\n" + cases + "</testsuite>\n";
    }

    private static String testCase(String suite, String name, String kind, String type, String message) {
        StringBuilder sb = new StringBuilder("  <testcase classname=\"").append(esc(suite)).append("\" name=\"")
                .append(esc(name)).append("\"");
        if (kind == null) {
            return sb.append("/>\n").toString();
        }
        sb.append(">\n    <").append(kind).append(" type=\"").append(esc(type)).append("\" message=\"")
                .append(esc(message == null ? "" : message)).append("\"/>\n  </testcase>\n");
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
