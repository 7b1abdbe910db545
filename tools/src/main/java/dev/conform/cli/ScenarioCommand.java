package dev.conform.cli;

import dev.conform.runtime.scenario.ScenarioAssertionException;
import dev.conform.runtime.scenario.ScenarioException;
import dev.conform.runtime.scenario.ScenarioInspector;
import dev.conform.runtime.scenario.ScenarioRunner;
import dev.conform.runtime.scenario.ScenarioScript;
import dev.conform.runtime.scenario.Transcript;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code conform scenario}: run scripted scenario files (see the package documentation of
 * {@code dev.conform.runtime.scenario}) and compare each command's output with the file.
 */
@Command(name = "scenario",
        mixinStandardHelpOptions = true,
        description = {
            "Run scripted scenarios (command, ----, expected output) on the stepped simulator and compare "
                    + "every command's output with the file.",
            "The algorithm is the name of the file's folder (scenarios/raft/x.txt: raft) unless --algorithm says."},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  every file matches (or was updated)",
            "  1  an output differs or an assert does not hold",
            "  2  bad input: malformed scenario (file:line:col) or usage",
            "  3  tool failure"})
final class ScenarioCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files (.txt).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--algorithm", paramLabel = "NAME", description = "Algorithm of the scenarios.")
    String algorithm;

    @Option(names = "--update", description = "Rewrite each file's expected outputs with the actual ones.")
    boolean update;

    @Option(names = "--print", description = "Print each file with the actual outputs instead of comparing.")
    boolean print;

    @Override
    public Integer call() throws IOException {
        if (update && print) {
            throw new UserError("--update and --print exclude each other");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = ExitCodes.OK;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UserError("no such scenario file: " + file);
            }
            Transcript t;
            try {
                t = new ScenarioRunner<>(inspector(file)).run(ScenarioScript.read(file));
            } catch (ScenarioAssertionException e) {
                err.println("conform: " + e.getMessage());
                exit = ExitCodes.VIOLATION;
                continue;
            } catch (ScenarioException e) {
                throw new UserError(e.getMessage());
            }
            if (print) {
                out.print(t.rendered());
            } else if (t.matches()) {
                out.println("ok " + file + " (" + t.outputs().size() + " commands)");
            } else if (update) {
                Files.writeString(file, t.rendered(), StandardCharsets.UTF_8);
                out.println("updated " + file);
            } else {
                out.println("DIFFERS " + file);
                out.print(t.diff());
                exit = ExitCodes.VIOLATION;
            }
        }
        out.flush();
        return exit;
    }

    private ScenarioInspector<?> inspector(Path file) {
        String name = algorithm;
        if (name == null) {
            Path dir = file.toAbsolutePath().getParent();
            name = dir == null ? "" : dir.getFileName().toString();
        }
        try {
            return ScenarioInspector.forAlgorithm(name);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + (algorithm == null ? " (name it with --algorithm)" : ""));
        }
    }
}
