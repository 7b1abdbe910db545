package dev.conform.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.invariants.example.PingCounterTraces;
import dev.conform.tracing.MemorySink;
import dev.conform.tracing.io.TraceReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Java invariant replay throughput: streams a seeded PingCounter trace (default 1M events)
 * through the validating {@link TraceReader} and {@link ReplayEngine} (every invariant after
 * every event), next to Jackson merely tokenizing the same file. Prints events/s of both, their
 * ratio (target: replay >= 2M ev/s and >= 0.5x the raw parse) and the peak heap during replay.
 * Best of three alternating rounds, by wall time and by CPU time of the measuring thread.
 *
 * <p>Measured figures (baseline vs. now, A/B on the shared machine): docs/performance.md.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -pl test -am test-compile dependency:build-classpath -DskipTests -Dmdep.outputFile=/tmp/conform-cp.txt
 * java -Xmx256m -cp test/target/test-classes:$(cat /tmp/conform-cp.txt) \
 *      dev.conform.bench.JavaReplayBench [events, default 1000000]
 * </pre>
 * With {@code raft [ops]} it replays Raft simulation traces instead (ops and 2 x ops client
 * commands, see {@link RaftBenchTraces}) through the registered raft invariants and prints events/s
 * of both and the time ratio.
 */
public final class JavaReplayBench {
    private static final int ROUNDS = 3;

    private JavaReplayBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("raft")) {
            raft(args.length > 1 ? Integer.parseInt(args[1]) : 2_000);
            return;
        }
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path file = Files.createTempFile("replay-bench", ".ndjson");
        Path warm = Files.createTempFile("replay-bench-warm", ".ndjson");
        try {
            PingCounterTraces.write(file, events, 42);
            PingCounterTraces.write(warm, 200_000, 43);
            InvariantSet<?> set = InvariantRegistry.find("pingcounter").orElseThrow();
            for (int i = 0; i < 5; i++) {
                tokenize(warm);
                replay(warm, set);
            }
            // Alternating rounds, best of each: the machine is shared, so single timings are noisy.
            java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            double rawSec = Double.MAX_VALUE;
            double replaySec = Double.MAX_VALUE;
            double rawCpu = Double.MAX_VALUE;
            double replayCpu = Double.MAX_VALUE;
            long tokens = 0;
            long peak = 0;
            ReplayResult r = null;
            for (int round = 0; round < ROUNDS; round++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                tokens = tokenize(file);
                rawSec = Math.min(rawSec, (System.nanoTime() - t0) / 1e9);
                rawCpu = Math.min(rawCpu, (mx.getCurrentThreadCpuTime() - c0) / 1e9);

                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                c0 = mx.getCurrentThreadCpuTime();
                t0 = System.nanoTime();
                r = replay(file, set);
                replaySec = Math.min(replaySec, (System.nanoTime() - t0) / 1e9);
                replayCpu = Math.min(replayCpu, (mx.getCurrentThreadCpuTime() - c0) / 1e9);
                long used = 0;
                for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (p.getType() == MemoryType.HEAP) {
                        used += p.getPeakUsage().getUsed();
                    }
                }
                peak = Math.max(peak, used);
            }
            System.out.printf("per CPU-second: raw %,.0f, replay %,.0f events/s, replay / raw %.2f%n",
                    events / rawCpu, events / replayCpu, rawCpu / replayCpu);
            double raw = events / rawSec;
            double rep = events / replaySec;
            System.out.printf("file: %,d events, %,d bytes, %,d JSON tokens%n", events, Files.size(file), tokens);
            System.out.printf("raw Jackson tokenize : %,12.0f events/s (%.2f s)%n", raw, rawSec);
            System.out.printf("Java replay          : %,12.0f events/s (%.2f s), %d invariants per event%n",
                    rep, replaySec, set.invariants().size());
            System.out.printf("replay / raw parse   : %.2f (target >= 0.5); replay target >= 2,000,000 ev/s%n", rep / raw);
            double engine = engineOnly(set);
            System.out.printf("engine only (no I/O) : %,12.0f events/s (fold + invariants, events in memory)%n", engine);
            System.out.printf("peak heap in replay  : %,d MB (max heap %,d MB)%n", peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(warm);
        }
    }

    /** Raft traces of n and 2n commands through the raft invariants: events/s and time(2n)/time(n). */
    static void raft(int ops) throws IOException {
        InvariantSet<?> set = InvariantRegistry.find("raft").orElseThrow();
        Path small = Files.createTempFile("replay-bench-raft", ".ndjson");
        Path large = Files.createTempFile("replay-bench-raft2", ".ndjson");
        try {
            long n1 = RaftBenchTraces.write(small, ops, 7);
            long n2 = RaftBenchTraces.write(large, 2 * ops, 7);
            for (int i = 0; i < 3; i++) {
                replay(small, set);
            }
            double[] secs = new double[2];
            long[] counts = {n1, n2};
            Path[] files = {small, large};
            for (int k = 0; k < 2; k++) {
                long t0 = System.nanoTime();
                ReplayResult r = replay(files[k], set);
                secs[k] = (System.nanoTime() - t0) / 1e9;
                if (!r.conforms() || r.events() != counts[k]) {
                    throw new IllegalStateException("replay did not accept the raft trace: " + r.failure());
                }
                System.out.printf("raft replay %s: %,9d events (%,d bytes) in %.2f s = %,10.0f events/s%n",
                        k == 0 ? "n " : "2n", counts[k], Files.size(files[k]), secs[k], counts[k] / secs[k]);
            }
            System.out.printf("time(2n)/time(n) = %.2f for %.2fx the events%n", secs[1] / secs[0], (double) n2 / n1);
        } finally {
            Files.deleteIfExists(small);
            Files.deleteIfExists(large);
        }
    }

    /** The fold and invariant checks alone, over 200,000 events held in memory, five passes. */
    static double engineOnly(InvariantSet<?> set) {
        MemorySink mem = new MemorySink();
        PingCounterTraces.generate(mem, 200_000, 44);
        long t0 = 0;
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                t0 = System.nanoTime();
            }
            ReplayResult r = new ReplayEngine().replay(EventSource.of(mem.recordedHeader(), mem.events()), set);
            if (!r.conforms()) {
                throw new IllegalStateException(String.valueOf(r.failure()));
            }
        }
        return 5 * 200_000 / ((System.nanoTime() - t0) / 1e9);
    }

    static long tokenize(Path file) throws IOException {
        long n = 0;
        try (InputStream in = Files.newInputStream(file);
             JsonParser p = new JsonFactory().createParser(in)) {
            while (p.nextToken() != null) {
                n++;
            }
        }
        return n;
    }

    static ReplayResult replay(Path file, InvariantSet<?> set) {
        try (TraceReader r = TraceReader.open(file)) {
            return new ReplayEngine().replay(EventSource.of(r), set);
        }
    }
}
