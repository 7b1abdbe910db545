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
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.io.TraceReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Java invariant replay throughput and memory. The headline (no arguments, or {@code raft
 * [events]}) generates one seeded 3-server Raft simulation trace with snapshots of about 1M
 * events ({@link RaftBenchTraces}) and streams it through the validating {@link TraceReader} and
 * {@link ReplayEngine} with the registered raft invariants checked after every event, next to
 * Jackson merely tokenizing the same file (the ceiling for any reader of it). {@code pingcounter
 * [events]} does the same on a seeded PingCounter trace (default 1M events).
 *
 * <p>Prints, best of three alternating rounds, by wall time and by CPU time of the measuring
 * thread: raw tokenize events/s and MB/s, replay events/s and MB/s, their ratio (targets: replay
 * >= 2M events/s and >= 0.5x the raw parse), the peak heap during replay and the live heap at the
 * end of the trace (reader and replayed state, measured in an untimed pass).
 *
 * <p>Measured figures: docs/performance.md, section 2.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -pl test -am test-compile dependency:build-classpath -DskipTests -Dmdep.outputFile=/tmp/conform-cp.txt
 * java -Xmx256m -cp test/target/test-classes:$(cat /tmp/conform-cp.txt) \
 *      dev.conform.bench.JavaReplayBench [raft [events, default 1000000] | pingcounter [events, default 1000000]]
 * </pre>
 */
public final class JavaReplayBench {
    private static final int ROUNDS = 3;
    private static final long DEFAULT_EVENTS = 1_000_000;
    /** Events per client command of the bench's Raft run (138,340 events for 2,000 commands). */
    private static final double RAFT_EVENTS_PER_OP = 69.17;

    private JavaReplayBench() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "raft";
        long events = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_EVENTS;
        switch (mode) {
            case "raft" -> raft(events);
            case "pingcounter" -> pingCounter(events);
            default -> throw new IllegalArgumentException("mode is raft or pingcounter, not " + mode);
        }
    }

    static void raft(long target) throws IOException {
        InvariantSet<?> set = InvariantRegistry.find("raft").orElseThrow();
        Path file = Files.createTempFile("replay-bench-raft", ".ndjson");
        Path warm = Files.createTempFile("replay-bench-raft-warm", ".ndjson");
        try {
            long t0 = System.nanoTime();
            int ops = (int) Math.max(1, Math.round(target / RAFT_EVENTS_PER_OP));
            long events = RaftBenchTraces.write(file, ops, 7);
            System.out.printf("generated a 3-server Raft trace (seed 7, %,d commands per client, snapshots every 16"
                    + " entries) in %.1f s%n", ops, (System.nanoTime() - t0) / 1e9);
            RaftBenchTraces.write(warm, 1_500, 8);
            measure("raft", file, events, set, warm);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(warm);
        }
    }

    static void pingCounter(long events) throws IOException {
        InvariantSet<?> set = InvariantRegistry.find("pingcounter-fifo").orElseThrow();
        Path file = Files.createTempFile("replay-bench", ".ndjson");
        Path warm = Files.createTempFile("replay-bench-warm", ".ndjson");
        try {
            PingCounterTraces.write(file, events, 42);
            PingCounterTraces.write(warm, 200_000, 43);
            measure("pingcounter", file, events, set, warm);
            double engine = engineOnly(set);
            System.out.printf("engine only (no I/O) : %,12.0f events/s (fold + invariants, events in memory)%n", engine);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(warm);
        }
    }

    /** Alternating rounds, best of each: the machine is shared, so single timings are noisy. */
    private static void measure(String name, Path file, long events, InvariantSet<?> set, Path warm)
            throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < 5; i++) {
            tokenize(warm);
            check(replay(warm, set, 1), -1);
            check(replay(warm, set, threads), -1);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double rawSec = Double.MAX_VALUE;
        double replaySec = Double.MAX_VALUE;
        double rawCpu = Double.MAX_VALUE;
        double replayCpu = Double.MAX_VALUE;
        double parSec = Double.MAX_VALUE;
        double parCpu = Double.MAX_VALUE;
        long tokens = 0;
        long peak = 0;
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
            ReplayResult r = replay(file, set, 1);
            replaySec = Math.min(replaySec, (System.nanoTime() - t0) / 1e9);
            replayCpu = Math.min(replayCpu, (mx.getCurrentThreadCpuTime() - c0) / 1e9);
            peak = Math.max(peak, peakHeap());
            check(r, events);

            // parsing threads: CPU is the whole process's, since the work is spread over threads
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            c0 = processCpuNanos();
            t0 = System.nanoTime();
            r = replay(file, set, threads);
            parSec = Math.min(parSec, (System.nanoTime() - t0) / 1e9);
            parCpu = Math.min(parCpu, (processCpuNanos() - c0) / 1e9);
            peak = Math.max(peak, peakHeap());
            check(r, events);
        }
        long live = liveAtEnd(file, set);
        double mb = Files.size(file) / 1e6;
        System.out.printf("%s trace: %,d events, %,.1f MB (%,.0f bytes/event), %,d JSON tokens, %d invariants"
                + " after every event%n", name, events, mb, Files.size(file) / (double) events, tokens,
                set.invariants().size());
        System.out.printf("                 %14s %14s %10s | %16s %10s%n", "wall events/s", "CPU events/s",
                "wall MB/s", "wall s (CPU s)", "");
        System.out.printf("raw Jackson parse %,14.0f %,14.0f %,10.1f | %7.2f (%5.2f)%n", events / rawSec,
                events / rawCpu, mb / rawSec, rawSec, rawCpu);
        System.out.printf("Java replay       %,14.0f %,14.0f %,10.1f | %7.2f (%5.2f)%n", events / replaySec,
                events / replayCpu, mb / replaySec, replaySec, replayCpu);
        System.out.printf("Java replay, %d parse threads %,14.0f %,14.0f %,10.1f | %7.2f (%5.2f process CPU)%n",
                threads, events / parSec, events / parCpu, mb / parSec, parSec, parCpu);
        System.out.printf("replay / raw parse: %.2f wall, %.2f CPU on the calling thread; %.2f wall with %d parse"
                + " threads (%.2f per process CPU-second) (target >= 0.5); replay target >= 2,000,000 events/s: %s%n",
                rawSec / replaySec, rawCpu / replayCpu, rawSec / parSec, threads, rawCpu / parCpu,
                events / Math.min(replaySec, parSec) >= 2_000_000 ? "reached" : "not reached");
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf("heap: peak %,d MB during replay, %,d MB live at the end of the trace (reader + replayed"
                + " state); max heap %,d MB: %s%n", peak >> 20, live >> 20, max >> 20,
                max <= 256L << 20 ? "fits in 256 MiB" : "run with -Xmx256m to check the 256 MiB target");
    }

    private static void check(ReplayResult r, long events) {
        if (!r.conforms() || events >= 0 && r.events() != events) {
            throw new IllegalStateException("replay did not accept the trace (" + r.events() + " events): "
                    + r.failure());
        }
    }

    private static long peakHeap() {
        long used = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                used += p.getPeakUsage().getUsed();
            }
        }
        return used;
    }

    /** Heap in use after a full GC once the last event is replayed, while the replay still holds its state. */
    private static long liveAtEnd(Path file, InvariantSet<?> set) {
        long[] live = new long[1];
        try (TraceReader r = TraceReader.open(file)) {
            EventSource src = EventSource.of(r);
            EventSource measured = new EventSource() {
                @Override
                public dev.conform.tracing.TraceHeader header() {
                    return src.header();
                }

                @Override
                public TraceEvent next() {
                    TraceEvent e = src.next();
                    if (e == null) {
                        System.gc();
                        Runtime rt = Runtime.getRuntime();
                        live[0] = rt.totalMemory() - rt.freeMemory();
                    }
                    return e;
                }

                @Override
                public long line() {
                    return src.line();
                }
            };
            check(new ReplayEngine().replay(measured, set), -1);
        }
        return live[0];
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

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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

    static ReplayResult replay(Path file, InvariantSet<?> set, int parseThreads) {
        try (TraceReader r = TraceReader.open(file, TraceReader.Options.defaults().withParseThreads(parseThreads))) {
            return new ReplayEngine().replay(EventSource.of(r), set);
        }
    }
}
