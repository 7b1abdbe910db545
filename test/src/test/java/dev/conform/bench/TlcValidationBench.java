package dev.conform.bench;

import dev.conform.checker.invariants.example.PingCounterTraces;
import dev.conform.checker.validate.TlcTraceValidator;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.TlcValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * TLC trace-validation throughput on the PingCounter example: validates seeded traces of n and
 * 2n events (default n = 20,000; segments of 30,000) and prints events/s for both and the ratio
 * time(2n)/time(n) (targets: >= 2,000 ev/s, ratio <= 2.2, i.e. linear in the trace length).
 * Wall time includes TLC's JVM start-up and the generated-module set-up of every segment.
 *
 * <p>Run from the repository root (after building the classpath as for {@link JavaReplayBench}):
 * <pre>
 * java -cp test/target/test-classes:$(cat /tmp/conform-cp.txt) dev.conform.bench.TlcValidationBench [n]
 * </pre>
 * With {@code raft [ops]} (default 200: about 13,000 and 26,000 events, so that TLC's start-up
 * does not dominate) it validates Raft simulation traces of ops and 2 x ops client commands per
 * client (see {@link RaftBenchTraces}: snapshots, unreliable network) against
 * specs/raft/TraceRaft.tla with its invariants, and also prints the CPU time of the TLC
 * processes (the machine is shared, so wall time is noisy). Figures: docs/performance.md.
 */
public final class TlcValidationBench {
    static final Path DIR = Path.of("checker/src/test/resources/specs/pingcounter");

    private TlcValidationBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("raft")) {
            raft(args.length > 1 ? Integer.parseInt(args[1]) : 200);
            return;
        }
        long n = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        double t1 = time(n, 1);
        double t2 = time(2 * n, 2);
        System.out.printf("TLC validation n  = %,7d events: %6.1f s, %,8.0f events/s%n", n, t1, n / t1);
        System.out.printf("TLC validation 2n = %,7d events: %6.1f s, %,8.0f events/s%n", 2 * n, t2, 2 * n / t2);
        System.out.printf("time(2n)/time(n) = %.2f (target <= 2.2); target >= 2,000 events/s%n", t2 / t1);
    }

    /**
     * Raft traces of ops and 2 x ops commands per client through TraceRaft, invariants on:
     * events/s by wall time and by the CPU time of the TLC processes, and time(2n)/time(n).
     */
    static void raft(int ops) throws IOException {
        Path dir = Path.of("specs/raft");
        double[] secs = new double[2];
        double[] cpu = new double[2];
        long[] counts = new long[2];
        for (int k = 0; k < 2; k++) {
            Path trace = Files.createTempFile("tlc-bench-raft", ".ndjson");
            try {
                counts[k] = RaftBenchTraces.write(trace, (k + 1) * ops, 7);
                ChildCpu meter = ChildCpu.start();
                long t0 = System.nanoTime();
                TlcValidation v = new TlcTraceValidator().validate(
                        TraceValidationRequest.of(dir.resolve("TraceRaft.tla"), trace));
                secs[k] = (System.nanoTime() - t0) / 1e9;
                cpu[k] = meter.stop();
                if (!v.conforms()) {
                    String m = String.valueOf(v.message());
                    throw new IllegalStateException("TLC did not accept the raft trace: " + v.outcome() + " "
                            + m.substring(0, Math.min(2_000, m.length())) + " " + v.divergence());
                }
            } finally {
                Files.deleteIfExists(trace);
            }
            System.out.printf("TraceRaft %s = %,7d events: %6.1f s wall, %,6.0f events/s; TLC CPU %6.1f s, %,6.0f events/s%n",
                    k == 0 ? "n " : "2n", counts[k], secs[k], counts[k] / secs[k], cpu[k], counts[k] / cpu[k]);
        }
        System.out.printf("time(2n)/time(n) = %.2f wall, %.2f CPU, for %.2fx the events (targets: >= 2,000 events/s,"
                + " ratio <= 2.2)%n", secs[1] / secs[0], cpu[1] / cpu[0], (double) counts[1] / counts[0]);
    }

    static double time(long events, long seed) throws IOException {
        Path trace = Files.createTempFile("tlc-bench", ".ndjson");
        try {
            PingCounterTraces.write(trace, events, seed);
            long t0 = System.nanoTime();
            TlcValidation v = new TlcTraceValidator().validate(
                    TraceValidationRequest.of(DIR.resolve("TracePingCounter.tla"), trace));
            double sec = (System.nanoTime() - t0) / 1e9;
            if (!v.conforms()) {
                throw new IllegalStateException("TLC did not accept the generated trace: " + v.message());
            }
            return sec;
        } finally {
            Files.deleteIfExists(trace);
        }
    }
}
