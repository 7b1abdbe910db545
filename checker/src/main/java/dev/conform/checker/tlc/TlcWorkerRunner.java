package dev.conform.checker.tlc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one TLC worker ({@code tlc2.tool.distributed.TLCWorker}) that joins the server at
 * {@code host:port}, reads the spec from it over RMI and computes successor states until the
 * server says the run is over. The worker retries until the server is up, so workers may be
 * started before it. The process is reaped if this JVM is stopped.
 */
public final class TlcWorkerRunner {
    static final String WORKER_MAIN = "tlc2.tool.distributed.TLCWorker";

    /**
     * What to join and how.
     *
     * @param host the server's host name or address
     * @param port the server's RMI registry port
     * @param threads worker threads in this JVM; each registers with the server as one worker
     * @param hostname the name the server reaches this machine by ({@code java.rmi.server.hostname}), or null
     * @param tla2toolsJar the jar to run, or null for {@link Tla2Tools#locate(Path)}'s default
     */
    public record Request(String host, int port, int threads, String hostname, Path tla2toolsJar) {
        public Request {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host is required");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be in 1..65535, got " + port);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
        }
    }

    /** The exact command for {@code req}, with {@code tmp} as the worker's private java.io.tmpdir. */
    public static List<String> command(Request req, Path tmp) {
        Path jar = Tla2Tools.locate(req.tla2toolsJar());
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseParallelGC");
        cmd.addAll(TlcServerOptions.rmiOpens());
        // SANY copies the modules it reads to java.io.tmpdir under fixed names (see TlcRunner).
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.add("-D" + TlcServerOptions.PORT_PROPERTY + "=" + req.port());
        cmd.add("-D" + TlcServerOptions.THREADS_PROPERTY + "=" + req.threads());
        if (req.hostname() != null) {
            cmd.add("-Djava.rmi.server.hostname=" + req.hostname());
        }
        cmd.add("-cp");
        cmd.add(jar.toString());
        cmd.add(WORKER_MAIN);
        cmd.add(req.host());
        return cmd;
    }

    /**
     * Runs the worker until it exits and returns its exit code; each output line goes to
     * {@code output}.
     *
     * @throws TlcInputException if the tla2tools jar cannot be found
     */
    public int run(Request req, Consumer<String> output) throws InterruptedException {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("conform-tlc-worker");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the worker's temporary folder: " + e.getMessage(), e);
        }
        List<String> command = command(req, tmp);
        LiveProcesses.install();
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the TLC worker: " + e.getMessage(), e);
        }
        LiveProcesses.add(p);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            p.getOutputStream().close();
            String line;
            while ((line = r.readLine()) != null) {
                output.accept(line);
            }
        } catch (IOException e) {
            // The stream closes when the process dies; its exit code says how.
        } finally {
            if (p.isAlive() && !p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            LiveProcesses.remove(p);
        }
        return p.waitFor();
    }
}
