package dev.conform.cli.gate;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gate's summary: one row per spec folder (states model-checked, chaos runs checked by the
 * Java invariants, trace events validated by TLC, verdict, time), then one block per failed
 * check with the commands that reproduce it.
 */
final class GateTable {
    private GateTable() {
    }

    /** One folder's totals. */
    private record Row(String suite, long states, long runs, long events, int checks, int failed, Duration time) {
    }

    static void print(PrintWriter out, List<GateOutcome> outcomes) {
        List<Row> rows = rows(outcomes);
        int suite = "algorithm".length();
        for (Row r : rows) {
            suite = Math.max(suite, r.suite().length());
        }
        String fmt = "%-" + suite + "s  %14s  %6s  %16s  %-20s  %8s%n";
        out.printf(fmt, "algorithm", "states checked", "runs", "events validated", "verdict", "time");
        for (Row r : rows) {
            String verdict = r.failed() == 0 ? "PASS (" + r.checks() + " checks)"
                    : "FAIL (" + r.failed() + " of " + r.checks() + ")";
            out.printf(fmt, r.suite(), r.states() == 0 ? "-" : String.format(Locale.ROOT, "%,d", r.states()),
                    r.runs() == 0 ? "-" : Long.toString(r.runs()),
                    r.events() == 0 ? "-" : String.format(Locale.ROOT, "%,d", r.events()), verdict, secs(r.time()));
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

    private static List<Row> rows(List<GateOutcome> outcomes) {
        Map<String, List<GateOutcome>> bySuite = new LinkedHashMap<>();
        for (GateOutcome o : outcomes) {
            bySuite.computeIfAbsent(o.suite(), k -> new ArrayList<>()).add(o);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<GateOutcome>> e : bySuite.entrySet()) {
            long states = 0;
            long runs = 0;
            long events = 0;
            int failed = 0;
            Duration time = Duration.ZERO;
            for (GateOutcome o : e.getValue()) {
                states += o.distinctStates() == null ? 0 : o.distinctStates();
                runs += o.runs();
                events += o.events();
                failed += o.passed() ? 0 : 1;
                time = time.plus(o.time());
            }
            rows.add(new Row(e.getKey(), states, runs, events, e.getValue().size(), failed, time));
        }
        return rows;
    }

    private static String secs(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
