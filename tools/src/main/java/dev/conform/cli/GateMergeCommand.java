package dev.conform.cli;

import dev.conform.cli.gate.Gate;
import dev.conform.cli.gate.GateMerge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conform gate-merge DIR...}: the shards of one gate ({@code gate --shard K/N --junit DIR}) judged as one. */
@Command(name = "gate-merge",
        mixinStandardHelpOptions = true,
        description = {
            "Judge the --junit folders of the N shards of one gate (conform gate --shard K/N --junit DIR, e.g. the "
                    + "jobs of a CI matrix) as one gate: their checks in one table and, with --junit, one set of "
                    + "JUnit files; each pairing's coverage judged over the runs of all shards."},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  every shard is there and every check passed",
            "  1  a check of some shard found a violation (this wins, as in the gate)",
            "  2  shards of different gates (specs, budget, seeds, algorithms or flaw), or a shard given twice",
            "  3  a shard is missing or its summary unreadable, or a shard failed as a tool"})
final class GateMergeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "The shards' --junit folders.")
    List<Path> dirs;

    @Option(names = "--junit", paramLabel = "DIR", description = "Write the merged JUnit XML to DIR.")
    Path junitDir;

    @Override
    public Integer call() throws IOException {
        GateMerge m = GateMerge.of(dirs);
        PrintWriter out = spec.commandLine().getOut();
        if (!m.outcomes().isEmpty()) {
            Gate.printTable(out, m.outcomes());
        }
        m.problems().forEach(p -> out.println("gate-merge: " + p));
        if (junitDir != null && !m.outcomes().isEmpty()) {
            Gate.writeJUnit(junitDir, m.outcomes());
        }
        int count = m.shards().isEmpty() ? 0 : m.shards().get(0).shard().count();
        out.printf("gate %s (%d of %d shards merged)%n", m.exitCode() == 0 ? "passed" : "FAILED", m.shards().size(),
                count);
        out.flush();
        return m.exitCode();
    }
}
