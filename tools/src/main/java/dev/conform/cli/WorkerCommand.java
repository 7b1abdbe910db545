package dev.conform.cli;

import dev.conform.checker.tlc.TlcInputException;
import dev.conform.checker.tlc.TlcServerOptions;
import dev.conform.checker.tlc.TlcWorkerRunner;
import dev.conform.cli.options.Tla2toolsOption;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conform worker HOST[:PORT]}: join a {@code conform check --distributed} server as a TLC worker. */
@Command(name = "worker",
        mixinStandardHelpOptions = true,
        description = {
            "Join the TLC server of `conform check SPEC --distributed` as a worker: TLC's own "
                    + "tlc2.tool.distributed.TLCWorker, which reads the spec from the server over RMI.",
            "Waits for the server if it is not up yet; exits when the server ends the run."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the server ended the run", "  2  bad usage", "  3  the worker failed"})
final class WorkerCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST[:PORT]",
            description = "The server's host, and its port (default " + TlcServerOptions.DEFAULT_PORT + ").")
    String server;

    @Option(names = "--threads", paramLabel = "N", converter = dev.conform.cli.options.WorkersOption.Converter.class,
            defaultValue = "cores", description = "Worker threads; each joins the server as one worker (default: one per core).")
    int threads;

    @Option(names = "--hostname", paramLabel = "H",
            description = "Name or address the server reaches this machine by (java.rmi.server.hostname).")
    String hostname;

    @Mixin
    Tla2toolsOption tla2tools;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        TlcWorkerRunner.Request req;
        try {
            req = new TlcWorkerRunner.Request(host(), port(), threads, hostname, tla2tools.jar());
        } catch (IllegalArgumentException e) {
            throw new UserError(server + ": " + e.getMessage());
        }
        int exit;
        boolean[] failed = {false};
        try {
            exit = new TlcWorkerRunner().run(req, line -> {
                failed[0] |= line.startsWith("Error: Failed to start worker");
                out.println(line);
                out.flush();
            });
        } catch (TlcInputException e) {
            throw new UserError(e.getMessage());
        }
        // TLCWorker prints its failures ("Error: Failed to start worker") and still exits 0.
        return exit == 0 && !failed[0] ? ExitCodes.OK : ExitCodes.TOOL_FAILURE;
    }

    private String host() {
        int colon = server.lastIndexOf(':');
        return colon < 0 ? server : server.substring(0, colon);
    }

    private int port() {
        int colon = server.lastIndexOf(':');
        if (colon < 0) {
            return TlcServerOptions.DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(server.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UserError(server + ": the port is not a number");
        }
    }
}
