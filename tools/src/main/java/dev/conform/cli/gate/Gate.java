package dev.conform.cli.gate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs the gate's steps over every spec folder, in name order, one check at a time. */
public final class Gate {
    private final List<GateStep> steps;

    public Gate(List<GateStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Runs all checks; {@code log} gets one line per check as it starts (TLC runs can be long). */
    public List<GateOutcome> run(Path specsDir, PrintWriter log) {
        List<GateCheck> checks = new ArrayList<>();
        for (Path folder : folders(specsDir)) {
            for (GateStep step : steps) {
                checks.addAll(step.checks(folder));
            }
        }
        List<GateOutcome> outcomes = new ArrayList<>();
        for (GateCheck c : checks) {
            log.printf("gate: %s/%s ...%n", c.suite(), c.name());
            log.flush();
            outcomes.add(c.run());
        }
        return outcomes;
    }

    private static List<Path> folders(Path specsDir) {
        try (Stream<Path> s = Files.list(specsDir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void printTable(PrintWriter out, List<GateOutcome> outcomes) {
        GateTable.print(out, outcomes);
    }

    public static void writeJUnit(Path dir, List<GateOutcome> outcomes) throws IOException {
        JUnitReport.write(dir, outcomes);
    }

    /** 0 when all passed, else the most serious failure's code (tool failure over bad input over violation). */
    public static int exitCode(List<GateOutcome> outcomes) {
        int worst = 0;
        for (GateOutcome o : outcomes) {
            if (!o.passed()) {
                worst = Math.max(worst, Math.max(o.exitCode(), 1));
            }
        }
        return worst;
    }
}
