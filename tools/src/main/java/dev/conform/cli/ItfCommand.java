package dev.conform.cli;

import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.itf.ItfImport;
import dev.conform.tracing.itf.ItfWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conform itf export|import}: traces in the Informal Trace Format of Apalache and Quint. */
@Command(name = "itf",
        mixinStandardHelpOptions = true,
        description = {"Convert traces to and from the Informal Trace Format (ITF) of Apalache and Quint.",
            "`conform validate --trace X.itf.json` validates an ITF trace directly."},
        subcommands = {ItfCommand.Export.class, ItfCommand.Import.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  converted", "  2  bad input (file:line:column) or usage", "  3  tool failure"})
final class ItfCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new UserError("itf needs a subcommand: export or import (see conform itf --help)");
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write an NDJSON trace as ITF: one state per event, variables seq, node, kind, action,"
                    + " msg, state, lamport, vc (every state sets every one: fields an event lacks are Quint"
                    + " Option variants), the trace header under #meta.conform."})
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TRACE", description = "The NDJSON trace.")
        Path trace;

        @Option(names = {"-o", "--out"}, paramLabel = "ITF", required = true, description = "The ITF file to write.")
        Path out;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(trace)) {
                throw new UserError(trace + ": no such trace file");
            }
            try {
                ItfWriter.exportTrace(trace, out);
            } catch (TraceFormatException e) {
                throw new UserError(e.getMessage());
            } catch (UncheckedIOException e) {
                throw new UserError(e.getMessage() + ": " + e.getCause().getMessage());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Read an ITF trace and write it as NDJSON: a conform export gives back its trace; any other"
                    + " trace (e.g. `quint run --mbt --out-itf`) is a state sequence, one action event per state"
                    + " (the action from mbt::actionTaken), its variables as the event's state under their TLA+"
                    + " names (the last '::' segment, or as --var-map names them)."})
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ITF", description = "The ITF trace (*.itf.json).")
        Path itf;

        @Option(names = {"-o", "--out"}, paramLabel = "NDJSON",
                description = "The NDJSON trace to write (default: the ITF file's name with .ndjson, beside it).")
        Path out;

        @Option(names = "--var-map", paramLabel = "FILE",
                description = "Lines 'itfName = tlaName' for variables whose TLA+ name is not the last '::' segment.")
        Path varMap;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(itf)) {
                throw new UserError(itf + ": no such ITF file");
            }
            ItfImport.Imported t;
            try {
                t = ItfImport.read(itf, ItfOptions.names(varMap));
            } catch (TraceFormatException e) {
                throw new UserError(e.getMessage());
            }
            Path target = out != null ? out
                    : itf.resolveSibling(itf.getFileName().toString().replaceFirst("(\\.itf)?(\\.json)?$", "") + ".ndjson");
            t.writeNdjson(target);
            spec.commandLine().getOut().println("wrote " + target + ": " + t.events().size() + " events"
                    + (t.isStateSequence() ? " (states of " + String.join(", ", t.variables()) + ")" : ""));
            return ExitCodes.OK;
        }
    }
}
