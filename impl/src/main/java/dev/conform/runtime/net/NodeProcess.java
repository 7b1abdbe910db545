package dev.conform.runtime.net;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.Json;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.io.NdjsonSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One node as an OS process (see {@link NodeArgs} for the arguments). It listens on its own
 * address, connects to its peers, writes its trace file and {@code DATA/status.json} (progress,
 * refreshed every 200 ms; {@code state} is the state recorded with the node's last spec action),
 * and runs until it is terminated; SIGTERM closes it cleanly (trace flushed). When the trace file
 * already holds events, the node was killed before: it continues that trace ({@link TraceResume}). Prints {@code node N listening on HOST:PORT} once started. Exit code 2 for bad
 * arguments, 3 when it cannot start.
 */
public final class NodeProcess {
    private NodeProcess() {
    }

    public static void main(String[] args) {
        NodeArgs a;
        Algorithm<?> algorithm;
        try {
            a = NodeArgs.parse(args);
            algorithm = Algorithms.byName(a.algorithm());
            Transports.requireSupport(algorithm, a.transport());
        } catch (IllegalArgumentException e) {
            System.err.println("node: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(a, algorithm);
        } catch (Exception e) {
            System.err.println("node " + a.id() + ": cannot start: " + e);
            System.exit(3);
        }
    }

    private static <M> void run(NodeArgs a, Algorithm<M> algorithm) throws Exception {
        Files.createDirectories(a.data());
        TraceResume resume = a.trace() == null ? null : TraceResume.recover(a.trace(), a.id());
        TraceSink sink = a.trace() == null ? TraceSink.noop()
                : resume != null ? TraceResume.appendingSink(a.trace()) : new NdjsonSink(a.trace());
        NetRuntime<M> rt = new NetRuntime<>(algorithm, a.id(), a.peers(), a.data(), sink, a.options(),
                a.tickMillis(), a.seed(), a.transport(), a.credentials());
        if (resume != null) {
            rt.resumeFrom(resume);
        }
        if (a.ports() != null) {
            rt.portFiles(a.ports());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            rt.close();
            stopped.countDown();
        }, "node-shutdown"));
        rt.start();
        System.out.println("node " + a.id() + " listening on "
                + (a.ports() == null ? a.peers().get(a.id()) : PortFiles.resolve(a.peers(), a.ports()).get(a.id())));
        System.out.flush();
        Path status = a.data().resolve("status.json");
        while (!Thread.currentThread().isInterrupted()) {
            writeStatus(rt, a.id(), status);
            if (stopped.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private static void writeStatus(NetRuntime<?> rt, int id, Path status) {
        try {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", id);
            s.put("pid", ProcessHandle.current().pid());
            s.put("delivered", rt.delivered());
            s.put("failures", rt.failures());
            s.put("rejected", rt.rejected());
            s.put("actions", rt.actionCounts());
            if (rt.lastActionState() != null) {
                s.put("state", rt.lastActionState());
            }
            Path tmp = status.resolveSibling("status.json.tmp");
            Files.write(tmp, Json.mapper().writeValueAsBytes(s));
            Files.move(tmp, status, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (Exception e) {
            // status is advisory; the next round tries again
        }
    }
}
