package dev.conform.cli.gate;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gate's summary: one row per spec folder (its model checks) and one per variant of its
 * pairing (chaos runs checked by the Java invariants, traces and events validated by TLC), each
 * with verdict and time; then one coverage line per pairing; then one block per failed check with
 * the commands that reproduce it.
 */
final class GateTable {
    private GateTable() {
    }

    /** One row's totals. */
    private record Row(String label, long states, long runs, long traces, long events, int checks, int failed,
            Duration time) {
    }

    static void print(PrintWriter out, List<GateOutcome> outcomes) {
        List<Row> rows = rows(outcomes);
        int label = "algorithm".length();
        for (Row r : rows) {
            label = Math.max(label, r.label().length());
        }
        String fmt = "%-" + label + "s  %14s  %6s  %11s  %16s  %-20s  %8s%n";
        out.printf(fmt, "algorithm", "states checked", "runs", "TLC traces", "events validated", "verdict", "time");
        for (Row r : rows) {
            String verdict = r.failed() == 0 ? "PASS (" + r.checks() + (r.checks() == 1 ? " check)" : " checks)")
                    : "FAIL (" + r.failed() + " of " + r.checks() + ")";
            out.printf(fmt, r.label(), r.states() == 0 ? "-" : String.format(Locale.ROOT, "%,d", r.states()),
                    r.runs() == 0 ? "-" : Long.toString(r.runs()), r.traces() == 0 ? "-" : Long.toString(r.traces()),
                    r.events() == 0 ? "-" : String.format(Locale.ROOT, "%,d", r.events()), verdict, secs(r.time()));
        }
        for (GateOutcome o : outcomes) {
            if (o.name().startsWith(CoverageCheck.NAME) && o.detail() != null) {
                out.printf("coverage %s: %s%s%n", o.suite(), o.verdict().equals("REACHED") ? "" : o.verdict() + ": ", o.detail());
            }
        }
        for (GateOutcome o : outcomes) {
            if (!o.passed()) {
                out.printf("FAIL %s/%s: %s%s%n", o.suite(), o.name(), o.verdict(),
                        o.detail() == null || o.detail().isBlank() ? "" : ": " + o.detail());
                o.replay().forEach(line -> out.println("  " + line));
            }
        }
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        out.printf("%d checks, %d passed, %d failed%n", outcomes.size(), outcomes.size() - failed, failed);
        out.flush();
    }

    /** Rows by folder in order of first appearance; within a folder its own row, then its variants'. */
    private static List<Row> rows(List<GateOutcome> outcomes) {
        Map<String, Map<String, List<GateOutcome>>> bySuite = new LinkedHashMap<>();
        for (GateOutcome o : outcomes) {
            bySuite.computeIfAbsent(o.suite(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(o.variant() == null ? "" : o.variant(), k -> new ArrayList<>()).add(o);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<GateOutcome>>> s : bySuite.entrySet()) {
            List<GateOutcome> own = s.getValue().get("");
            if (own != null) {
                rows.add(row(s.getKey(), own));
            }
            for (Map.Entry<String, List<GateOutcome>> v : s.getValue().entrySet()) {
                if (!v.getKey().isEmpty()) {
                    rows.add(row(s.getKey() + " " + v.getKey(), v.getValue()));
                }
            }
        }
        return rows;
    }

    private static Row row(String label, List<GateOutcome> outcomes) {
        long states = 0;
        long runs = 0;
        long traces = 0;
        long events = 0;
        int failed = 0;
        Duration time = Duration.ZERO;
        for (GateOutcome o : outcomes) {
            states += o.distinctStates() == null ? 0 : o.distinctStates();
            runs += o.runs();
            traces += o.traces();
            events += o.events();
            failed += o.passed() ? 0 : 1;
            time = time.plus(o.time());
        }
        return new Row(label, states, runs, traces, events, outcomes.size(), failed, time);
    }

    private static String secs(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
