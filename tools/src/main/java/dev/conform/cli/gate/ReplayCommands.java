package dev.conform.cli.gate;

import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.cli.report.FailureReport;
import dev.conform.runtime.nemesis.FaultPlans;
import dev.conform.runtime.sim.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The commands printed for a failed run: rerun it into a trace, and validate that trace. */
final class ReplayCommands {
    private ReplayCommands() {
    }

    /** Writes the run's plan next to its trace and returns the {@code conform run} command. */
    static String run(Scenario s, Path trace) {
        Path plan = trace.resolveSibling(trace.getFileName().toString().replace(".ndjson", "") + ".plan.json");
        try {
            if (!s.plan().events().isEmpty()) {
                FaultPlans.write(s.plan(), plan);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.replayCommand(plan) + " --out " + trace;
    }

    /** Adds the line naming a failing run's report (if one was asked for) and the page written, if any. */
    static void report(FailureReport report, List<String> replay, List<Path> reports) {
        if (report == null) {
            return;
        }
        replay.add("  report:   " + report);
        if (report.html() != null) {
            reports.add(report.html());
        }
    }

    /** The {@code conform validate} command that checks what {@code req} checks (timeouts aside). */
    static String validate(TraceValidationRequest req) {
        StringBuilder b = new StringBuilder("conform validate");
        if (req.spec() != null) {
            b.append(" --spec ").append(req.spec());
        } else {
            b.append(" --java-only");
        }
        b.append(" --trace ").append(req.trace());
        if (req.spec() != null && !req.libraries().isEmpty()) {
            b.append(" --lib ").append(req.libraries().stream().map(Path::toString).collect(Collectors.joining(" ")));
        }
        return b.toString();
    }
}
