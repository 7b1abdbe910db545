package dev.conform.runtime.net;

import dev.conform.runtime.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts, inspects and stops a local cluster of {@link NodeProcess}es, one OS process per node on
 * loopback. A cluster lives in a directory: {@code node-N.pid}, {@code node-N.log},
 * {@code node-N/} (data: state.json, status.json), {@code node-N.ndjson} (trace) and
 * {@code cluster.json} (algorithm and addresses; port 0: see {@code node-N.port}, where each node
 * publishes the port it bound, {@link PortFiles}), {@code node-N.cmd} (the node's command line, for
 * {@link #restart}), {@code credentials/} (made afresh by every start, owner-only: see
 * {@link ClusterCredentials}; every node authenticates its peers with it). Stopping terminates each process (SIGTERM, so traces are flushed; SIGKILL
 * after a grace period) and leaves none behind. {@link #start} begins a fresh cluster: traces,
 * persisted state and client files of an earlier cluster in the same directory are removed.
 * {@link #kill} SIGKILLs one node (a crash); {@link #restart} starts it again from its persisted
 * state, continuing its trace file.
 */
public final class ClusterLauncher {
    private static final String MAIN = NodeProcess.class.getName();
    /**
     * First JVM argument of every node, so a pid file's process can be recognised as ours: the
     * JDK reads at most one page of a command line, and a long class path pushes MAIN past it.
     */
    private static final String MARKER = "-Dconform.node=" + MAIN;

    private ClusterLauncher() {
    }

    /** One node's state as seen from outside. */
    public record NodeStatus(int id, long pid, boolean alive, Map<String, Object> status) {
    }

    /**
     * Starts {@code n} nodes of {@code algorithm} with {@code classpath}; {@code extraArgs} go to
     * every node (e.g. {@code --option count=5}). Waits until every node reports its status; if
     * one dies first, stops the others and throws with the tail of its log.
     */
    public static List<ProcessHandle> start(String algorithm, int n, Path dir, String classpath,
                                            List<String> extraArgs) throws IOException, InterruptedException {
        return start(algorithm, n, dir, classpath, TransportKind.TCP, extraArgs);
    }

    /** As {@link #start(String, int, Path, String, List)}, on transport {@code transport} (in cluster.json). */
    public static List<ProcessHandle> start(String algorithm, int n, Path dir, String classpath,
                                            TransportKind transport, List<String> extraArgs)
            throws IOException, InterruptedException {
        Transports.requireSupport(dev.conform.runtime.Algorithms.byName(algorithm), transport);
        Files.createDirectories(dir);
        if (!status(dir).stream().filter(NodeStatus::alive).toList().isEmpty()) {
            throw new IllegalStateException("a cluster is already running in " + dir + " (conform cluster stop)");
        }
        // Every node listens on port 0 (the OS picks a free port as it binds) and publishes the
        // port in node-N.port; peers and clients read it there (PortFiles).
        StringBuilder peers = new StringBuilder();
        Map<String, Object> addresses = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
            peers.append(i == 1 ? "" : ",").append(i).append("=127.0.0.1:0");
            addresses.put(String.valueOf(i), "127.0.0.1:0");
        }
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("algorithm", algorithm);
        cluster.put("transport", transport.wireName());
        cluster.put("nodes", addresses);
        clean(dir);
        ClusterCredentials.create(credentials(dir), java.util.stream.IntStream.rangeClosed(1, n).boxed().toList());
        Files.write(dir.resolve("cluster.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(cluster));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            for (int i = 1; i <= n; i++) {
                Path data = dir.resolve("node-" + i);
                Files.createDirectories(data);
                Files.deleteIfExists(data.resolve("status.json"));
                List<String> cmd = new ArrayList<>(List.of(java, MARKER, "-Xmx256m", "-cp", classpath, MAIN,
                        "--algorithm", algorithm, "--id", String.valueOf(i), "--peers", peers.toString(),
                        "--ports", dir.toString(), "--data", data.toString(),
                        "--trace", dir.resolve("node-" + i + ".ndjson").toString(),
                        "--transport", transport.wireName(), "--credentials", credentials(dir).toString()));
                cmd.addAll(extraArgs);
                Files.write(dir.resolve("node-" + i + ".cmd"), Json.mapper().writeValueAsBytes(cmd));
                started.add(launch(dir, i, cmd, false));
            }
            for (int i = 1; i <= n; i++) {
                awaitStatus(dir, i, started.get(i - 1));
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            stop(dir);
            throw e;
        }
        return started;
    }

    private static ProcessHandle launch(Path dir, int i, List<String> cmd, boolean appendLog) throws IOException {
        java.io.File log = dir.resolve("node-" + i + ".log").toFile();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log) : ProcessBuilder.Redirect.to(log))
                .start();
        Files.writeString(dir.resolve("node-" + i + ".pid"), p.pid() + "\n");
        return p.toHandle();
    }

    /** Removes what an earlier cluster in {@code dir} left: traces, persisted state, client files. */
    private static void clean(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String f = p.getFileName().toString();
                if (f.endsWith(".ndjson") || f.endsWith(".cmd") || f.endsWith(".port") || f.equals(ClientIds.FILE)) {
                    Files.delete(p);
                } else if (f.startsWith("node-") && Files.isDirectory(p)) {
                    Files.deleteIfExists(p.resolve("state.json"));
                    Files.deleteIfExists(p.resolve("status.json"));
                }
            }
        }
    }

    private static void awaitStatus(Path dir, int i, ProcessHandle process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Path status = dir.resolve("node-" + i).resolve("status.json");
        while (!Files.exists(status)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + i + " exited at start: " + tail(dir.resolve("node-" + i + ".log")));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node " + i + " did not start within 60 s");
            }
            Thread.sleep(50);
        }
    }

    /**
     * SIGKILLs node {@code id} (a crash: nothing is flushed or closed) and waits until it is gone.
     * Returns its pid. Throws IllegalStateException when the node is unknown or not running.
     */
    public static long kill(Path dir, int id) throws IOException {
        Path pidFile = dir.resolve("node-" + id + ".pid");
        ProcessHandle p = (Files.exists(pidFile) ? handle(pidFile) : Optional.<ProcessHandle>empty())
                .filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new IllegalStateException("node " + id + " is not running in " + dir));
        p.destroyForcibly();
        if (!exited(p)) {
            throw new IllegalStateException("node " + id + " (pid " + p.pid() + ") does not die");
        }
        return p.pid();
    }

    /**
     * Starts node {@code id} again with its original command line; it reads its persisted state
     * and continues its trace. Waits until it reports its status. Throws IllegalStateException
     * when the node is still running or was never started in {@code dir}.
     */
    @SuppressWarnings("unchecked")
    public static ProcessHandle restart(Path dir, int id) throws IOException, InterruptedException {
        Path cmdFile = dir.resolve("node-" + id + ".cmd");
        if (!Files.exists(cmdFile)) {
            throw new IllegalStateException("no node " + id + " in " + dir);
        }
        Path pidFile = dir.resolve("node-" + id + ".pid");
        if (Files.exists(pidFile) && handle(pidFile).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("node " + id + " is still running (conform cluster kill " + id + " first)");
        }
        List<String> cmd = Json.mapper().readValue(Files.readAllBytes(cmdFile), List.class);
        Files.deleteIfExists(dir.resolve("node-" + id).resolve("status.json"));
        PortFiles.remove(dir, id); // it binds a new port; peers wait for the new file
        ProcessHandle p = launch(dir, id, cmd, true);
        try {
            awaitStatus(dir, id, p);
        } catch (RuntimeException | InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
        return p;
    }

    /** Node id to {@code host:port}: cluster.json's addresses with the ports the nodes published. */
    @SuppressWarnings("unchecked")
    public static Map<Integer, java.net.InetSocketAddress> addresses(Path dir) throws IOException {
        StringBuilder spec = new StringBuilder();
        ((Map<String, Object>) clusterJson(dir).get("nodes"))
                .forEach((k, v) -> spec.append(spec.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return PortFiles.resolve(NodeArgs.peers(spec.toString()), dir);
    }

    /** The algorithm named in cluster.json. */
    public static String algorithm(Path dir) throws IOException {
        return String.valueOf(clusterJson(dir).get("algorithm"));
    }

    /** The cluster's credentials folder (keys and certificates; see {@link ClusterCredentials}). */
    public static Path credentials(Path dir) {
        return dir.resolve("credentials");
    }

    /** The transport named in cluster.json (TCP for clusters started before it was recorded). */
    public static TransportKind transport(Path dir) throws IOException {
        Object t = clusterJson(dir).get("transport");
        return t == null ? TransportKind.TCP : TransportKind.fromWire(String.valueOf(t));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> clusterJson(Path dir) throws IOException {
        Path f = dir.resolve("cluster.json");
        if (!Files.exists(f)) {
            throw new IllegalStateException("no cluster in " + dir + " (conform cluster start)");
        }
        return Json.mapper().readValue(Files.readAllBytes(f), Map.class);
    }

    /** Whether {@code p} is gone within 10 s. */
    private static boolean exited(ProcessHandle p) {
        try {
            p.onExit().get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Stops every node of the cluster in {@code dir}; returns how many processes were running. */
    public static int stop(Path dir) throws IOException, InterruptedException {
        int stopped = 0;
        for (Path pidFile : pidFiles(dir)) {
            Optional<ProcessHandle> ph = handle(pidFile);
            if (ph.isPresent() && ph.get().isAlive()) {
                stopped++;
                ProcessHandle p = ph.get();
                p.destroy();
                if (!exited(p)) {
                    p.destroyForcibly();
                    if (!exited(p)) {
                        throw new IllegalStateException("process " + p.pid() + " does not die");
                    }
                }
            }
            Files.deleteIfExists(pidFile);
        }
        return stopped;
    }

    /** The nodes recorded in {@code dir}, whether alive, and their last status.json. */
    @SuppressWarnings("unchecked")
    public static List<NodeStatus> status(Path dir) throws IOException {
        List<NodeStatus> out = new ArrayList<>();
        for (Path pidFile : pidFiles(dir)) {
            String name = pidFile.getFileName().toString();
            int id = Integer.parseInt(name.substring("node-".length(), name.length() - ".pid".length()));
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            boolean alive = handle(pidFile).map(ProcessHandle::isAlive).orElse(false);
            Path st = dir.resolve("node-" + id).resolve("status.json");
            Map<String, Object> status = Map.of();
            try {
                if (Files.exists(st)) {
                    status = Json.mapper().readValue(Files.readAllBytes(st), Map.class);
                }
            } catch (IOException e) {
                // being rewritten right now; report without it
            }
            out.add(new NodeStatus(id, pid, alive, status));
        }
        return out;
    }

    /** The process of a pid file, only if it is still one of our node processes (pids get reused). */
    private static Optional<ProcessHandle> handle(Path pidFile) throws IOException {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(p -> p.info().commandLine().map(c -> c.contains(MARKER)).orElse(true));
    }

    private static List<Path> pidFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String f = p.getFileName().toString();
                return f.startsWith("node-") && f.endsWith(".pid");
            }).sorted().toList();
        }
    }
}
