package dev.conform.cli;

import dev.conform.checker.tlc.TlcServerOptions;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Consumer;

/**
 * Tells the user of {@code check --distributed} how workers join and reports each one that does
 * (TLC registers every thread of a worker JVM separately), warning at the end when fewer than
 * {@code --workers-expected} joined.
 */
final class WorkerWatch implements Consumer<String> {
    private final TlcServerOptions server;
    private final PrintStream err;
    private int joined;
    private int lost;

    WorkerWatch(TlcServerOptions server, PrintStream err) {
        this.server = server;
        this.err = err;
    }

    void announce() {
        String host = server.hostname() != null ? server.hostname() : localName();
        err.println("TLC server on port " + server.port() + "; join with: conform worker " + host + ":" + server.port());
        err.flush();
    }

    @Override
    public synchronized void accept(String line) {
        if (line.startsWith("Registration for worker")) {
            joined++;
            err.println("worker joined (" + joined + (server.workersExpected() > 0 ? " of " + server.workersExpected() : "")
                    + ")");
        } else if (line.startsWith("Worker ") && line.contains("lost")) {
            lost++;
            err.println("worker lost: " + line.trim());
        }
        err.flush();
    }

    synchronized void finish() {
        if (joined < server.workersExpected()) {
            err.println("warning: " + joined + " worker(s) joined, " + server.workersExpected() + " expected");
            err.flush();
        }
    }

    private static String localName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
