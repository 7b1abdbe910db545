package dev.conform.cli;

import dev.conform.checker.tlc.Counterexample;
import dev.conform.checker.tlc.SourceLocation;
import dev.conform.checker.tlc.TlcResult;
import dev.conform.checker.tlc.TlcState;
import dev.conform.checker.tlc.TlcStatistics;
import dev.conform.checker.value.TlaValue;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** Human-readable form of a TLC result: a short table, then the counterexample one step at a time. */
final class ResultRenderer {
    private final PrintWriter out;
    private final boolean color;

    ResultRenderer(PrintWriter out, boolean color) {
        this.out = out;
        this.color = color;
    }

    void render(String title, TlcResult r) {
        out.println(title);
        row("verdict", Terminal.bold(r.verdict() + (r.violatedName() == null ? "" : " (" + r.violatedName() + ")"),
                color));
        if (r.message() != null) {
            row("reason", r.location() == null ? r.message() : r.location() + ": " + r.message());
        }
        TlcStatistics s = r.statistics();
        row("distinct states", count(s.distinctStates()));
        row("states generated", count(s.statesGenerated()));
        row("queue left", count(s.queueLeft()));
        row("depth", count(s.depth()));
        row("time", seconds(r.duration()));
        row("TLC", (r.tlcVersion() == null ? "version not reported" : r.tlcVersion())
                + (r.tla2toolsJar() == null ? "" : " (" + r.tla2toolsJar() + ")"));
        row("exit code", r.exitCode() == null ? "none (killed)" : r.exitCode().toString());
        row("command", r.commandLineString());
        if (r.counterexample() != null) {
            out.println();
            counterexample(r.counterexample());
        }
        out.flush();
    }

    private void row(String label, String value) {
        out.printf("  %-17s %s%n", label, value);
    }

    static String count(Long n) {
        return n == null ? "-" : String.format("%,d", n);
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private void counterexample(Counterexample c) {
        out.printf("Counterexample (%d states; changed variables marked *):%n", c.states().size());
        Map<String, TlaValue> previous = null;
        for (TlcState s : c.states()) {
            out.printf("%3d  %s%s%n", s.number(), s.action(), where(s.location()));
            if (s.parseError() != null) {
                out.println("       (state could not be parsed: " + s.parseError() + ")");
                s.text().lines().skip(1).forEach(l -> out.println("       " + l));
                previous = null;
                continue;
            }
            for (Map.Entry<String, TlaValue> v : s.variables().entrySet()) {
                boolean changed = previous != null && !Objects.equals(previous.get(v.getKey()), v.getValue());
                String line = v.getKey() + " = " + v.getValue().toTla();
                out.println((changed ? "     * " : "       ") + (changed ? Terminal.bold(line, color) : line));
            }
            previous = s.variables();
        }
        switch (c.loop()) {
            case STUTTERING -> out.println("  ...  stuttering: the last state repeats forever");
            case BACK_TO_STATE -> out.printf("  ...  back to state %d%s%s%n", c.loopTo(),
                    c.loopAction() == null ? "" : " via " + c.loopAction(), where(c.loopLocation()));
            default -> {
            }
        }
    }

    private static String where(SourceLocation l) {
        return l == null ? "" : "  (" + l + ")";
    }
}
