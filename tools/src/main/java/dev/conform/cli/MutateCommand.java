package dev.conform.cli;

import dev.conform.checker.mutate.Catalogue;
import dev.conform.checker.mutate.MutationOperator;
import dev.conform.checker.mutate.MutationReport;
import dev.conform.checker.mutate.MutationRun;
import dev.conform.checker.mutate.MutationScore;
import dev.conform.checker.mutate.Mutator;
import dev.conform.checker.validate.ReportText;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.Validation;
import dev.conform.checker.validate.ValidationReport;
import dev.conform.cli.gate.GatePairing;
import dev.conform.cli.options.SidesOption;
import dev.conform.cli.options.JsonOption;
import dev.conform.cli.options.LibraryOption;
import dev.conform.cli.options.TimeoutOption;
import dev.conform.cli.options.WorkersOption;
import dev.conform.cli.options.Tla2toolsOption;
import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.io.TraceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conform mutate}: the mutation score of a trace spec and the Java invariants. From a
 * conforming trace, derive wrong traces that no implementation could have produced, validate
 * each like {@code conform validate}, and report per operator how many each side rejected.
 */
@Command(name = "mutate",
        mixinStandardHelpOptions = true,
        description = {
            "Derive impossible traces from a conforming TRACE by a catalogue of mutation operators, validate each "
                    + "with TLC and the Java invariants, and report per operator how many each side rejected.",
            "Any mutant accepted (validate would exit 0) is printed with its file and the validate command that "
                    + "shows it. The same trace and --seed give the same mutants."},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  every mutant was rejected",
            "  1  a mutant was accepted",
            "  2  bad input: the trace is malformed or does not conform, or a usage error",
            "  3  tool failure or timeout on some mutant (never counted as rejected)"})
final class MutateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TRACE", description = "A trace that conforms (NDJSON).")
    Path trace;

    @Option(names = "--spec", paramLabel = "TLA", description = "The trace spec (default: the traceSpec of the "
            + "gate.json in specs/ whose algorithm is the trace's).")
    Path traceSpec;

    @Option(names = "--config", paramLabel = "CFG", description = "The trace spec's config (default: sibling .cfg).")
    Path config;

    @Option(names = "--specs", paramLabel = "DIR", description = "The specs folder searched without --spec "
            + "(default: $CONFORM_HOME/specs or ./specs).")
    Path specsDir;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the choice of mutation "
            + "sites (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--per-operator", paramLabel = "N", defaultValue = "3", description = "Mutants per operator, at "
            + "most (default ${DEFAULT-VALUE}).")
    int perOperator;

    @Option(names = "--operator", paramLabel = "NAME", description = "Only these operators (repeatable; default all: "
            + "${COMPLETION-CANDIDATES}).", completionCandidates = OperatorNames.class)
    List<String> operatorNames = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where mutants are written (default: a new folder "
            + "in the temporary folder).")
    Path out;

    @Mixin
    SidesOption sides;

    /** Mutants validated at once. */
    @Mixin
    WorkersOption workers;

    @Mixin
    JsonOption json;

    @Mixin
    TimeoutOption timeout;

    @Mixin
    LibraryOption libs;

    @Mixin
    Tla2toolsOption tla2tools;

    /** Operator names for the help text. */
    static final class OperatorNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Catalogue.ALL.stream().map(MutationOperator::name).iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        Validation.Mode mode = sides.mode();
        boolean javaOnly = mode == Validation.Mode.JAVA_ONLY;
        if (!Files.isRegularFile(trace)) {
            throw new UserError(trace + ": no such trace file");
        }
        if (perOperator < 1) {
            throw new UserError("--per-operator must be at least 1");
        }
        List<MutationOperator> ops = new ArrayList<>();
        for (String n : operatorNames) {
            ops.add(Catalogue.named(n).orElseThrow(() -> new UserError("--operator " + n + ": no such operator")));
        }
        if (ops.isEmpty()) {
            ops.addAll(Catalogue.ALL);
        }
        Path specsFolder = specsDir != null ? specsDir : home().resolve("specs");
        Path tla = traceSpec != null ? traceSpec : javaOnly ? null : specFor(specsFolder);
        if (tla != null && !Files.isRegularFile(tla)) {
            throw new UserError(tla + ": no such trace spec");
        }
        List<Path> libraries = new ArrayList<>(libs.folders());
        if (libraries.isEmpty() && tla != null) {
            // specs/lib, the trace validation library every bundled trace spec extends
            Path lib = tla.toAbsolutePath().getParent().resolveSibling("lib");
            if (Files.isRegularFile(lib.resolve("TraceNet.tla"))) {
                libraries.add(lib);
            }
        }
        TraceValidationRequest req = (tla == null ? TraceValidationRequest.javaOnly(trace)
                : TraceValidationRequest.of(tla, trace).withConfig(config))
                .withTimeout(timeout.timeout()).withTla2tools(tla2tools.jar()).withLibraries(libraries);
        Path dir = out != null ? out : Files.createTempDirectory("conform-mutants-");
        MutationRun run = new MutationRun(req, mode, ops, new Mutator(seed, perOperator), dir,
                workers.workers(), null);
        MutationScore score = run.run();
        PrintWriter pw = spec.commandLine().getOut();
        if (score.original().status() != ValidationReport.Status.CONFORMS) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("conform: " + trace + " does not conform, so it cannot be mutated into wrong traces:");
            if (score.original().badInput() != null) {
                err.println("  " + score.original().badInput());
            } else {
                ReportText.print(score.original(), err);
            }
            err.flush();
            return score.exitCode();
        }
        if (json.json()) {
            pw.println(MutationReport.json(score, req));
            pw.flush();
        } else {
            pw.println("mutants of " + trace + " (seed " + seed + ") in " + dir);
            MutationReport.text(score, req, pw);
        }
        return score.exitCode();
    }

    /** The trace spec of the trace's algorithm, from the gate.json files under {@code specs}. */
    private Path specFor(Path specs) throws IOException {
        String algorithm;
        try (TraceReader r = TraceReader.open(trace)) {
            algorithm = r.header().algorithm();
        } catch (TraceFormatException e) {
            throw new UserError(e.getMessage());
        }
        if (Files.isDirectory(specs)) {
            try (Stream<Path> folders = Files.list(specs)) {
                for (Path f : folders.sorted().toList()) {
                    GatePairing p = Files.isDirectory(f) ? GatePairing.read(f) : null;
                    if (p != null && algorithm.equals(p.algorithm()) && p.traceSpec() != null) {
                        return f.resolve(p.traceSpec());
                    }
                }
            }
        }
        throw new UserError("no trace spec for algorithm '" + algorithm + "' in " + specs
                + " (give --spec, or --java-only)");
    }

    private static Path home() {
        String home = System.getenv("CONFORM_HOME");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
    }
}
