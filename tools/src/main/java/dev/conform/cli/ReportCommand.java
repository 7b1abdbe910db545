package dev.conform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.cli.report.HtmlReport;
import dev.conform.cli.report.ReportData;
import dev.conform.tracing.io.TraceFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conform report}: a trace as one self-contained HTML page with a space-time diagram. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Draw a trace as a self-contained HTML page: a lane per node, messages as arrows from send to"
                    + " deliver, faults shaded, every event's recorded state on click.",
            "With --validation (the output of `conform validate --json`), the diverging event or the"
                    + " violated invariant is highlighted with its diagnosis."},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  the report was written",
            "  2  bad input: malformed trace (file:line:col) or validation result, or usage",
            "  3  tool failure"})
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE", description = "The NDJSON trace to draw.")
    Path trace;

    @Option(names = "--validation", paramLabel = "RESULT.json",
            description = "The result of `conform validate --json` for this trace.")
    Path validation;

    @Option(names = {"-o", "--out"}, paramLabel = "HTML",
            description = "Where to write the page (default: the trace's name with .html, beside it).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(trace)) {
            throw new UserError(trace + ": no such trace file");
        }
        JsonNode result = validation == null ? null : readValidation(validation);
        Path target = out != null ? out : defaultOut(trace);
        ReportData.Summary summary;
        try {
            summary = HtmlReport.writeFile(trace, result, target, s -> {
                if (result != null) {
                    checkSameTrace(result, s);
                }
            });
        } catch (TraceFormatException | UncheckedIOException | java.nio.file.FileSystemException e) {
            throw new UserError(e.getMessage());
        }
        spec.commandLine().getOut().printf("wrote %s (%,d events, %,d bytes)%n", target, summary.events(),
                Files.size(target));
        return ExitCodes.OK;
    }

    private static Path defaultOut(Path trace) {
        String name = trace.getFileName().toString();
        String base = name.endsWith(".ndjson") ? name.substring(0, name.length() - ".ndjson".length()) : name;
        return trace.resolveSibling(base + ".html");
    }

    /** The validation result, which must be the JSON object `conform validate --json` prints. */
    private static JsonNode readValidation(Path file) {
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UserError(file + ": not a validation result: " + e.getMessage());
        }
        if (node == null || !node.isObject() || !node.has("status") || !node.has("events")) {
            throw new UserError(file + ": not a validation result (expected the output of `conform validate --json`)");
        }
        return node;
    }

    /** A result of another trace (other algorithm, more events) would highlight the wrong event: refuse it. */
    private void checkSameTrace(JsonNode result, ReportData.Summary summary) {
        String algorithm = result.path("algorithm").asText(null);
        long events = result.path("events").asLong(-1);
        // "events" counts what the validator read: the Java replay stops at its first failure.
        if ((algorithm != null && !algorithm.equals(summary.algorithm())) || events > summary.events()) {
            throw new UserError(validation + ": the result of another trace (" + algorithm + ", " + events
                    + " events; " + trace + " has " + summary.algorithm() + ", " + summary.events() + " events)");
        }
    }
}
