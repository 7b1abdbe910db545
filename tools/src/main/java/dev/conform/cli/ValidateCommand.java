package dev.conform.cli;

import dev.conform.checker.validate.ItfValidation;
import dev.conform.checker.validate.ReportJson;
import dev.conform.checker.validate.ReportJunit;
import dev.conform.checker.validate.ReportText;
import dev.conform.checker.validate.TlcTraceValidator;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.Validation;
import dev.conform.checker.validate.ValidationReport;
import dev.conform.cli.options.ReportOption;
import dev.conform.cli.options.SidesOption;
import dev.conform.cli.report.FailureReport;
import dev.conform.cli.options.JsonOption;
import dev.conform.cli.options.LibraryOption;
import dev.conform.cli.options.TimeoutOption;
import dev.conform.cli.options.Tla2toolsOption;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code conform validate}: check a recorded trace against a trace spec (TLC) and Java invariants. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validate an NDJSON trace against a TLA+ trace spec with TLC, and against the Java invariants "
                    + "registered for the trace's algorithm (both by default).",
            "The trace conforms only when TLC matched every event and every Java invariant held."},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  the trace conforms",
            "  1  the trace does not conform (divergence, invariant violation)",
            "  2  bad input: malformed trace (file:line:col), spec or usage",
            "  3  tool failure or timeout (never a pass)"})
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--spec", paramLabel = "TLA", description = "The trace spec, e.g. specs/raft/TraceRaft.tla.")
    Path traceSpec;

    @Option(names = "--trace", paramLabel = "TRACE", required = true, description = {"The trace to validate ('-':"
            + " NDJSON read from stdin): NDJSON,"
            + " or ITF (*.itf.json: a conform export, or the states of a Quint/Apalache run, validated against any"
            + " spec declaring the variables they record: event 1 must satisfy Init, each later one be a step of"
            + " Next; --config is then the spec's model config, for its constants)."})
    Path trace;

    @Option(names = "--var-map", paramLabel = "FILE", description = "For an ITF trace: lines 'itfName = tlaName'"
            + " naming variables whose TLA+ name is not the ITF name's last '::' segment.")
    Path varMap;

    @Option(names = "--config", paramLabel = "CFG", description = "The trace spec's config (default: sibling .cfg).")
    Path config;

    @Mixin
    JsonOption json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report to FILE.")
    Path junit;

    @Option(names = "--allow-empty", description = "Accept a trace with a header and no events (by default: exit 2,"
            + " nothing was checked).")
    boolean allowEmpty;

    @Mixin
    SidesOption sides;

    @Option(names = "--format-only", description = {"Only the rules of the trace format (docs/trace-format.md):"
            + " every line, the header, sequence numbers, clocks, and the network and node rules by message"
            + " identity (with the handler rule when the algorithm is known). No TLC, no invariants, no --spec"
            + " needed (given, its schema is checked too): for people writing an emitter."})
    boolean formatOnly;

    @Mixin
    TimeoutOption timeout;

    @Option(names = "--segment-size", paramLabel = "N", defaultValue = "30000",
            description = "Events per TLC run for long traces (1..32000, default ${DEFAULT-VALUE}).")
    int segmentSize;

    @Option(names = "--parse-threads", paramLabel = "N",
            description = "Threads parsing the trace for the Java replay (default: one per processor, ${DEFAULT-VALUE}"
                    + " here; 1 parses on the main thread).")
    int parseThreads = Runtime.getRuntime().availableProcessors();

    @Mixin
    LibraryOption libs;

    @Mixin
    ReportOption reportDir;

    @Mixin
    Tla2toolsOption tla2tools;

    @Mixin
    dev.conform.cli.options.ProgressOption progressOption;

    @Override
    public Integer call() throws IOException {
        if (!"-".equals(trace.toString())) {
            return validate(trace);
        }
        // stdin: TLC and the replay read files, so the trace is copied to one first.
        Path dir = Files.createTempDirectory("conform-stdin");
        try {
            Path copy = dir.resolve("stdin.ndjson");
            Files.copy(System.in, copy);
            return validate(copy);
        } finally {
            ItfOptions.deleteTree(dir);
        }
    }

    private int validate(Path trace) throws IOException {
        this.trace = trace;
        Validation.Mode mode = sides.mode();
        if (formatOnly) {
            if (mode != Validation.Mode.BOTH) {
                throw new UserError("--format-only excludes --java-only and --tlc-only");
            }
            mode = Validation.Mode.FORMAT_ONLY;
        }
        boolean javaOnly = mode == Validation.Mode.JAVA_ONLY;
        if (Files.isDirectory(trace)) {
            throw new UserError(trace + ": a folder; --trace takes one trace file (NDJSON or *.itf.json)");
        }
        if (!Files.isRegularFile(trace)) {
            throw new UserError(trace + ": no such trace file");
        }
        if (formatOnly && traceSpec != null) {
            checkSpec(false);
        } else if (!javaOnly && !formatOnly) {
            if (traceSpec == null) {
                throw new UserError("--spec is required unless --java-only or --format-only is given");
            }
            checkSpec(!ItfValidation.isItf(trace));
        }
        if (segmentSize < 1 || segmentSize > TlcTraceValidator.MAX_SEGMENT) {
            throw new UserError("--segment-size must be in 1.." + TlcTraceValidator.MAX_SEGMENT);
        }
        if (parseThreads < 1 || parseThreads > 256) {
            throw new UserError("--parse-threads must be in 1..256");
        }
        boolean tty = progressOption.live() && !json.json();
        PrintStream err = System.err;
        java.util.concurrent.atomic.AtomicLong validated = new java.util.concurrent.atomic.AtomicLong();
        LongConsumer progress = n -> {
            validated.set(n);
            if (tty) {
                err.printf("\r  validated %,d events\u001b[K", n);
            }
        };
        TraceValidationRequest req = (traceSpec == null ? TraceValidationRequest.javaOnly(trace)
                : TraceValidationRequest.of(traceSpec, trace).withConfig(config))
                .withTimeout(timeout.timeout()).withSegmentSize(segmentSize).withTla2tools(tla2tools.jar())
                .withLibraries(libs.folders())
                .withParseThreads(parseThreads).withProgress(progress).withAllowEmpty(allowEmpty);
        if (varMap != null && !ItfValidation.isItf(trace)) {
            throw new UserError("--var-map applies to ITF traces (*.itf.json) only");
        }
        if (formatOnly && ItfValidation.isItf(trace)) {
            throw new UserError("--format-only checks NDJSON traces; an ITF trace is checked by"
                    + " conform validate --trace X.itf.json --spec Algo.tla");
        }
        Path work = null;
        Path checked = trace;
        ValidationReport report;
        try (Heartbeat beat = Heartbeat.start(progressOption, err, "validate", () -> validated.get() == 0 ? null
                : String.format("%,d events replayed", validated.get()))) {
            if (ItfValidation.isItf(trace)) {
                work = Files.createTempDirectory("conform-itf");
                ItfValidation.Prepared p = ItfValidation.prepare(req, ItfOptions.names(varMap), work);
                if (p.badInput() != null) {
                    report = ValidationReport.badInput(trace, p.badInput());
                } else {
                    checked = p.ndjson();
                    ValidationReport r = Validation.run(p.request(), mode);
                    // Reports name the file the user gave, not the imported copy.
                    report = new ValidationReport(trace, traceSpec, r.algorithm(), r.tlc(), r.java(), r.javaNote(),
                            r.badInput());
                }
            } else {
                report = Validation.run(req, mode);
            }
        }
        try {
            return finish(report, checked, mode);
        } finally {
            if (work != null) {
                ItfOptions.deleteTree(work);
            }
        }
    }

    /**
     * The --spec (and --config) name files that exist; for an NDJSON trace the spec must be a trace
     * spec, which comes with its config (INIT TraceInit, NEXT TraceNext) beside it.
     */
    private void checkSpec(boolean traceSpecNeeded) {
        if (Files.isDirectory(traceSpec)) {
            String inside;
            try (var files = Files.list(traceSpec)) {
                inside = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Trace") && n.endsWith(".tla"))
                        .sorted().map(n -> traceSpec.resolve(n).toString()).collect(java.util.stream.Collectors.joining(", "));
            } catch (IOException e) {
                inside = "";
            }
            throw new UserError(traceSpec + ": a folder; --spec takes the trace spec file"
                    + (inside.isEmpty() ? " (Trace<Algo>.tla)" : ", here: " + inside));
        }
        if (!Files.isRegularFile(traceSpec)) {
            throw new UserError(traceSpec + ": no such trace spec");
        }
        if (!traceSpec.getFileName().toString().endsWith(".tla")) {
            throw new UserError(traceSpec + ": not a TLA+ module (a .tla file)");
        }
        if (config != null && !Files.isRegularFile(config)) {
            throw new UserError(config + ": no such config file");
        }
        String name = traceSpec.getFileName().toString();
        Path sibling = traceSpec.resolveSibling(name.substring(0, name.length() - 4) + ".cfg");
        if (traceSpecNeeded && config == null && !Files.isRegularFile(sibling)) {
            throw new UserError(traceSpec + ": not a trace spec: it has no config " + sibling.getFileName()
                    + " beside it (a trace spec, such as specs/raft/TraceRaft.tla, comes with its .cfg: INIT TraceInit,"
                    + " NEXT TraceNext)");
        }
    }

    private int finish(ValidationReport report, Path checked, Validation.Mode mode) throws IOException {
        boolean javaOnly = mode == Validation.Mode.JAVA_ONLY;
        boolean tty = progressOption.live() && !json.json();
        PrintStream err = System.err;
        if (tty) {
            err.print("\r\u001b[K");
            err.flush();
        }
        if (javaOnly && report.java() == null && report.badInput() == null) {
            throw new UserError(report.javaNote() + "; cannot run --java-only");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.json()) {
            out.println(ReportJson.toJson(report));
            out.flush();
        } else if (report.status() != ValidationReport.Status.BAD_INPUT) {
            // Bad input is reported once, as the one-line error on stderr below.
            ReportText.print(report, out);
        }
        if (junit != null) {
            try {
                if (junit.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(junit.toAbsolutePath().getParent());
                }
                Files.writeString(junit, ReportJunit.toXml(report));
            } catch (java.nio.file.FileSystemException e) {
                throw new UserError(junit + ": cannot write the JUnit report: " + e.getMessage());
            }
        }
        if (reportDir.dir() != null && (report.status() == ValidationReport.Status.DOES_NOT_CONFORM
                || report.status() == ValidationReport.Status.TOOL_FAILURE)) {
            FailureReport page = FailureReport.write(checked, report, FailureReport.besideName(reportDir.dir(), trace, ""));
            // stdout stays one JSON document under --json
            PrintWriter where = json.json() ? spec.commandLine().getErr() : out;
            where.println("report: " + page);
            where.flush();
        }
        if (report.status() == ValidationReport.Status.BAD_INPUT && !json.json()) {
            spec.commandLine().getErr().println("conform: " + (report.badInput() != null ? report.badInput()
                    : report.tlc().message()));
        }
        return report.status().exitCode;
    }
}
