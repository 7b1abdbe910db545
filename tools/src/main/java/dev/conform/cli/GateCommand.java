package dev.conform.cli;

import dev.conform.checker.tlc.TlcInputException;
import dev.conform.cli.gate.Gate;
import dev.conform.cli.gate.GateOutcome;
import dev.conform.cli.gate.GateStep;
import dev.conform.cli.gate.ModelCheckStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code conform gate}: model-check every bundled spec folder and fail when any check is not ok. */
@Command(name = "gate",
        mixinStandardHelpOptions = true,
        description = {
            "Model-check every folder under specs/ that has an MC*.tla/MC*.cfg pair and print one table.",
            "specs/ is found under $CONFORM_HOME, else the current folder. A folder's expected.json "
                    + "(e.g. {\"MCFooLive.cfg\": {\"verdict\": \"PROPERTY_VIOLATED\", \"name\": \"Live\"}}) "
                    + "marks configs that demonstrate a failure; they pass when they fail exactly so."},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  every check passed",
            "  1  a check found a violation (or an expected violation did not happen)",
            "  2  bad input (no spec folders, a spec that does not parse, a bad expected.json)",
            "  3  tool failure or timeout (never a pass)"})
public final class GateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--specs", paramLabel = "DIR", description = "The specs folder (default: $CONFORM_HOME/specs or ./specs).")
    Path specsDir;

    @Option(names = "--junit", paramLabel = "DIR", description = "Write JUnit XML reports (one testcase per check) to DIR.")
    Path junitDir;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1", description = "TLC worker threads per check (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--timeout", paramLabel = "D", converter = DurationConverter.class, defaultValue = "10m",
            description = "Limit per check (default: ${DEFAULT-VALUE}); a check that exceeds it fails with TIMEOUT.")
    Duration timeout;

    @Option(names = "--tla2tools", paramLabel = "JAR", description = "Run this tla2tools jar instead of the bundled TLC 2.18.")
    Path tla2tools;

    @Override
    public Integer call() throws IOException {
        if (workers < 1) {
            throw new UserError("--workers must be at least 1, got " + workers);
        }
        Path specs = specsDir != null ? specsDir : home().resolve("specs");
        if (!Files.isDirectory(specs)) {
            throw new UserError(specs.toAbsolutePath() + ": no specs folder (set CONFORM_HOME or use --specs)");
        }
        // specs/lib holds shared pure-TLA+ modules every spec may extend.
        List<GateStep> steps = List.of(new ModelCheckStep(workers, timeout, List.of(specs.resolve("lib")), tla2tools));
        List<GateOutcome> outcomes;
        try {
            outcomes = new Gate(steps).run(specs, spec.commandLine().getErr());
        } catch (TlcInputException e) {
            throw new UserError(e.getMessage());
        }
        if (outcomes.isEmpty()) {
            throw new UserError(specs.toAbsolutePath() + ": no spec folder with an MC*.tla/MC*.cfg pair");
        }
        Gate.printTable(spec.commandLine().getOut(), outcomes);
        if (junitDir != null) {
            Gate.writeJUnit(junitDir, outcomes);
        }
        return Gate.exitCode(outcomes);
    }

    private static Path home() {
        String home = System.getenv("CONFORM_HOME");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
    }
}
