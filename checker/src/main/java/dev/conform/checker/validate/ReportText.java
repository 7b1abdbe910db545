package dev.conform.checker.validate;

import dev.conform.checker.invariants.Coverage;
import dev.conform.checker.invariants.ReplayResult;
import java.io.PrintWriter;

/** The human summary of a {@link ValidationReport}. */
public final class ReportText {
    private ReportText() {
    }

    /**
     * What the trace exercised: never part of the verdict (a short conforming trace reaches
     * little), printed so a reader sees what the run did and did not test.
     */
    static void printCoverage(Coverage c, PrintWriter out) {
        if (!c.reached().isEmpty()) {
            StringBuilder sb = new StringBuilder("  coverage (not part of the verdict): reached");
            c.reached().forEach((name, held) -> sb.append(' ').append(name).append(held ? " yes," : " no,"));
            sb.setLength(sb.length() - 1);
            out.println(sb);
        }
        if (!c.actions().isEmpty()) {
            StringBuilder sb = new StringBuilder("  actions taken:");
            c.actions().forEach((name, n) -> sb.append(' ').append(name).append(" x").append(n).append(','));
            sb.setLength(sb.length() - 1);
            out.println(sb);
        }
    }

    public static void print(ValidationReport r, PrintWriter out) {
        out.println("conform validate " + r.trace() + ": " + r.status().name().toLowerCase().replace('_', ' '));
        if (r.badInput() != null) {
            out.println("  " + r.badInput());
            out.flush();
            return;
        }
        if (r.tlc() != null) {
            TlcValidation t = r.tlc();
            out.println("  TLC  (" + r.spec() + "): " + t.outcome() + " - " + t.message());
            if (t.divergence() != null) {
                TlcValidation.Divergence d = t.divergence();
                out.println("    " + dev.conform.checker.invariants.EventPlace.of(d.event(), d.line(), d.eventJson())
                        + ": " + d.eventJson());
                if (d.lastState() != null) {
                    out.println("    last matched state:");
                    d.lastState().lines().forEach(l -> out.println("      " + l.trim()));
                }
                for (TlcValidation.ActionDiagnosis a : d.actions()) {
                    out.println("    " + a.action() + ": " + (a.enabled() ? "enabled (!)"
                            : "conjunct " + a.failedConjunct() + "/" + a.conjuncts() + " is false: " + a.conjunct()));
                }
                if (d.note() != null) {
                    out.println("    (" + d.note() + ")");
                }
            }
            if (t.outcome() == TlcValidation.Outcome.TOOL_FAILURE && !t.commandLines().isEmpty()) {
                out.println("    last TLC command: " + t.commandLines().get(t.commandLines().size() - 1));
            }
        }
        if (r.formatOnly()) {
            ReplayResult j = r.java();
            out.println("  " + r.javaNote() + " (" + j.algorithm() + ", " + j.events() + " events): "
                    + (j.conforms() ? "the trace is well formed" : j.failure().message()));
        } else if (r.java() != null) {
            ReplayResult j = r.java();
            out.println("  Java (" + j.algorithm() + ", " + j.events() + " events): "
                    + (j.conforms() ? "all invariants hold" : j.failure().message()));
            for (ReplayResult.InvariantVerdict v : j.verdicts()) {
                out.println("    " + (v.passed() ? "ok   " : v.skipped() ? "skip " : "FAIL ") + v.name() + " (" + v.kind() + ")"
                        + (v.passed() ? "" : ": " + v.detail()));
            }
            printCoverage(j.coverage(), out);
        } else if (r.javaNote() != null) {
            out.println("  Java: " + r.javaNote());
        }
        out.flush();
    }
}
