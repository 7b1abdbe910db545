package dev.conform.bench;

import dev.conform.checker.invariants.example.PingCounterTraces;
import dev.conform.checker.validate.TlcTraceValidator;
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
 */
public final class TlcValidationBench {
    static final Path DIR = Path.of("checker/src/test/resources/specs/pingcounter");

    private TlcValidationBench() {
    }

    public static void main(String[] args) throws IOException {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        double t1 = time(n, 1);
        double t2 = time(2 * n, 2);
        System.out.printf("TLC validation n  = %,7d events: %6.1f s, %,8.0f events/s%n", n, t1, n / t1);
        System.out.printf("TLC validation 2n = %,7d events: %6.1f s, %,8.0f events/s%n", 2 * n, t2, 2 * n / t2);
        System.out.printf("time(2n)/time(n) = %.2f (target <= 2.2); target >= 2,000 events/s%n", t2 / t1);
    }

    static double time(long events, long seed) throws IOException {
        Path trace = Files.createTempFile("tlc-bench", ".ndjson");
        try {
            PingCounterTraces.write(trace, events, seed);
            long t0 = System.nanoTime();
            TlcValidation v = new TlcTraceValidator().validate(DIR.resolve("TracePingCounter.tla"),
                    DIR.resolve("TracePingCounter.cfg"), trace, TlcTraceValidator.Options.defaults());
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
