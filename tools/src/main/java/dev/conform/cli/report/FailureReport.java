package dev.conform.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.checker.validate.ReportJson;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.Validation;
import dev.conform.checker.validate.ValidationReport;
import dev.conform.tracing.io.TraceFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The report of a failing run, written by {@code validate}, {@code explore} and {@code gate
 * --report DIR} beside the commands that replay the run: the page of its trace with the verdict
 * that failed it, so it opens on the diverging event or the violated invariant. A report that
 * cannot be written (a malformed trace, a full disk) never changes the verdict; it says why.
 *
 * @param html  the page written, or null
 * @param error why no page was written, or null
 */
public record FailureReport(Path html, String error) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the report of {@code trace} with {@code result} (null: none) to {@code html}. */
    public static FailureReport write(Path trace, ValidationReport result, Path html) {
        try {
            if (html.getParent() != null) {
                Files.createDirectories(html.getParent());
            }
            JsonNode validation = result == null || result.status() == ValidationReport.Status.CONFORMS ? null
                    : JSON.readTree(ReportJson.toJson(result));
            HtmlReport.writeFile(trace, validation, html, s -> { });
            return new FailureReport(html, null);
        } catch (TraceFormatException | IOException | UncheckedIOException e) {
            return new FailureReport(null, e.getMessage());
        }
    }

    /**
     * Writes the report of a run the Java invariants failed: the trace is replayed through them
     * again (cheap next to the run) so the page marks the event after which the invariant broke.
     */
    public static FailureReport javaFailure(Path trace, Path html) {
        if (!Files.isRegularFile(trace)) {
            return new FailureReport(null, "the run left no trace");
        }
        return write(trace, Validation.run(TraceValidationRequest.javaOnly(trace).withParseThreads(1),
                Validation.Mode.JAVA_ONLY), html);
    }

    /** {@code DIR/NAME.html} for the trace {@code NAME.ndjson}: the report named like its trace. */
    public static Path besideName(Path dir, Path trace, String suffix) {
        String name = trace.getFileName().toString();
        String stem = name.endsWith(".ndjson") ? name.substring(0, name.length() - ".ndjson".length()) : name;
        return dir.resolve(stem + suffix + ".html");
    }

    /** What to print after {@code report: }: the page, or why there is none. */
    @Override
    public String toString() {
        return html != null ? html.toString() : "not written: " + error;
    }
}
