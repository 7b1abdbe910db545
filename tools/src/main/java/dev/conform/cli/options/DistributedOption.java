package dev.conform.cli.options;

import dev.conform.checker.tlc.TlcServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import picocli.CommandLine.Option;

/** {@code --distributed [--port P] [--workers-expected N] [--hostname H]}: run TLC's server for workers to join. */
public final class DistributedOption {
    @Option(names = "--distributed",
            description = "Run TLC's distributed server; start workers with `conform worker HOST:PORT` on any machine.")
    private boolean distributed;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + TlcServerOptions.DEFAULT_PORT,
            description = "RMI port of the distributed server (default: ${DEFAULT-VALUE}, TLC's own; 0 picks a free one).")
    private int port;

    @Option(names = "--workers-expected", paramLabel = "N", defaultValue = "0",
            description = "Worker threads expected to join (each thread of `conform worker` is one); "
                    + "progress shows how many joined and a warning says when fewer did.")
    private int workersExpected;

    @Option(names = "--hostname", paramLabel = "H",
            description = "Name or address workers reach this machine by (java.rmi.server.hostname).")
    private String hostname;

    public boolean enabled() {
        return distributed;
    }

    /** The server's options, with port 0 replaced by a free port; null when not distributed. */
    public TlcServerOptions options() {
        if (!distributed) {
            return null;
        }
        if (workersExpected < 0) {
            throw new IllegalArgumentException("--workers-expected must be >= 0, got " + workersExpected);
        }
        return new TlcServerOptions(port == 0 ? freePort() : port, hostname, workersExpected);
    }

    private static int freePort() {
        // TLC creates its registry on a port it is given and tells nobody which: choose one for it.
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port: " + e.getMessage(), e);
        }
    }
}
