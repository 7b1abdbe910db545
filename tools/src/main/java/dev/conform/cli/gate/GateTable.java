package dev.conform.cli.gate;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The gate's summary table: one row per check. */
final class GateTable {
    private GateTable() {
    }

    static void print(PrintWriter out, List<GateOutcome> outcomes) {
        int spec = "spec".length();
        int check = "check".length();
        int verdict = "verdict".length();
        for (GateOutcome o : outcomes) {
            spec = Math.max(spec, o.suite().length());
            check = Math.max(check, o.name().length());
            verdict = Math.max(verdict, o.verdict().length());
        }
        String fmt = "%-4s  %-" + spec + "s  %-" + check + "s  %-" + verdict + "s  %15s  %6s  %8s%n";
        out.printf(fmt, "", "spec", "check", "verdict", "distinct states", "depth", "time");
        for (GateOutcome o : outcomes) {
            out.printf(fmt, o.passed() ? "ok" : "FAIL", o.suite(), o.name(), o.verdict(),
                    o.distinctStates() == null ? "-" : String.format("%,d", o.distinctStates()),
                    o.depth() == null ? "-" : o.depth().toString(),
                    String.format(Locale.ROOT, "%.1f s", o.time().toMillis() / 1000.0));
        }
        for (GateOutcome o : outcomes) {
            if (!o.passed()) {
                out.printf("FAIL %s/%s: %s%n", o.suite(), o.name(), o.detail());
            }
        }
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        out.printf("%d checks, %d passed, %d failed%n", outcomes.size(), outcomes.size() - failed, failed);
        out.flush();
    }
}
