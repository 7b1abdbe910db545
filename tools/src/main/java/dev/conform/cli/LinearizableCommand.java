package dev.conform.cli;

import dev.conform.checker.linearizability.Budget;
import dev.conform.checker.linearizability.History;
import dev.conform.checker.linearizability.HistoryFormat;
import dev.conform.checker.linearizability.HistoryReader;
import dev.conform.checker.linearizability.Linearizability;
import dev.conform.checker.linearizability.Model;
import dev.conform.checker.linearizability.Operation;
import dev.conform.checker.linearizability.Result;
import dev.conform.cli.options.DurationConverter;
import dev.conform.tracing.io.TraceFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conform linearizable}: is a client history linearizable? */
@Command(name = "linearizable",
        mixinStandardHelpOptions = true,
        description = {
            "Check that a client history is linearizable: some order of its operations, each taking effect "
                + "between its invocation and its completion, explains what every client saw.",
            "Reads conform traces (the client role's requests and replies), JSON lines, Jepsen EDN histories and "
                + "jepsen.util log lines (see README, 'conform linearizable')."},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  linearizable",
            "  1  not linearizable (a minimal witness is printed)",
            "  2  bad input: malformed history (file:line:col) or usage",
            "  3  the budget ran out before a verdict (never a pass)"})
final class LinearizableCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HISTORY", description = "The history file.")
    Path history;

    @Option(names = "--model", paramLabel = "M",
            description = "register, cas-register or kv (default: kv for conform traces and JSON lines, "
                    + "cas-register for EDN and jepsen.util logs).")
    String model;

    @Option(names = "--format", paramLabel = "F", defaultValue = "auto",
            description = "auto, conform, jsonl, edn or jepsen-log (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--budget", paramLabel = "D", converter = DurationConverter.class, defaultValue = DurationConverter.NONE,
            description = "Wall-time budget (e.g. 10s, 5m, none; default: ${DEFAULT-VALUE}); running out exits 3.")
    Duration budget;

    @Option(names = "--max-states", paramLabel = "N", defaultValue = "" + Budget.DEFAULT_MAX_STATES,
            description = "Most search states to visit, 0 for no limit (default: ${DEFAULT-VALUE}); running out exits 3.")
    long maxStates;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(history)) {
            throw new UserError(history + ": no such history file");
        }
        if (maxStates < 0) {
            throw new UserError("--max-states must be 0 (no limit) or more");
        }
        HistoryFormat f = format.equals("auto") ? HistoryReader.detect(history) : HistoryFormat.byName(format);
        if (f == null && !format.equals("auto")) {
            throw new UserError("unknown --format '" + format + "' (auto, conform, jsonl, edn, jepsen-log)");
        }
        Model m = model == null ? (f == null ? Model.KV : f.defaultModel()) : Model.byName(model);
        if (m == null) {
            throw new UserError("unknown --model '" + model + "' (register, cas-register, kv)");
        }
        Result r;
        History h;
        try {
            h = HistoryReader.read(history, f, m);
            r = Linearizability.check(h, m, new Budget(budget, maxStates));
        } catch (TraceFormatException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        String figures = r.operations() + " operations (" + h.pendingCount() + " with unknown outcome), "
            + r.keys() + (m.byKey() ? " keys" : " register") + ", model " + m.cliName() + ", " + r.states()
            + " search states";
        switch (r.verdict()) {
            case OK -> out.println("OK: linearizable; " + figures);
            case UNKNOWN -> out.println("UNKNOWN: " + r.reason() + (r.key() == null ? "" : " on key " + r.key())
                + "; no verdict, never a pass; " + figures);
            default -> {
                out.println("ILLEGAL: not linearizable" + (r.key() == null ? "" : " (key " + r.key() + ")") + "; "
                    + figures);
                out.println((r.witnessMinimal() ? "minimal" : "shrunk (budget ran out before it was minimal)")
                    + " witness, " + r.witness().size() + " operations that no order explains:");
                for (Operation o : r.witness()) {
                    out.println("  " + o);
                }
            }
        }
        out.flush();
        return switch (r.verdict()) {
            case OK -> ExitCodes.OK;
            case ILLEGAL -> ExitCodes.VIOLATION;
            case UNKNOWN -> ExitCodes.TOOL_FAILURE;
        };
    }
}
