package dev.conform.bench;

import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.io.NdjsonSink;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the simulator scales with the number of servers, on SWIM-like probe traffic
 * ({@link ProbeAlgorithm}: each server pings one peer per period, which acks): n = 10, 100,
 * 1,000 and 10,000 servers for a fixed number of periods, with tracing off and with NDJSON
 * tracing to a file. Prints deliveries per CPU-second and wall time, the retained heap per node
 * (heap used after a full GC with the finished simulator still reachable, less the heap used
 * before it was built) and, as ratios measured in the same run, each size's rate against n = 10
 * and tracing off against on. Nothing is asserted.
 *
 * <p>Figures: docs/performance.md, section 7.
 *
 * <p>Run: {@code java -Xmx4g -cp <test classpath> dev.conform.bench.SimScaleBench [periods]
 * [tracedPeriods] [sizes...]} (defaults 50, 10, sizes 10 100 1000 10000).
 */
public final class SimScaleBench {
    private SimScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        int periods = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int traced = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int[] sizes = args.length > 2
                ? java.util.Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {10, 100, 1_000, 10_000};
        Path file = Files.createTempFile("simscale", ".ndjson");
        try {
            simulator(100, 20, TraceSink.noop()).run(); // warm-up of both paths
            try (NdjsonSink s = new NdjsonSink(file)) {
                simulator(100, 5, s).run();
            }
            System.out.printf("%8s %8s %12s %9s %14s %9s %12s %10s%n", "servers", "tracing", "deliveries",
                    "wall s", "deliv/CPU-s", "vs n=10", "heap B/node", "B/event");
            double[] base = new double[2];
            for (int n : sizes) {
                double off = measure(n, periods, null, base, 0);
                double on = measure(n, traced, file, base, 1);
                if (off > 0 && on > 0) {
                    System.out.printf("%8d off/on per CPU-s: %.1fx%n", n, off / on);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** One run of n servers; returns deliveries per CPU-second (0 when it ran out of memory). */
    private static double measure(int n, int periods, Path file, double[] base, int slot) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long heap0 = usedAfterGc();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Simulator<ProbeAlgorithm.Msg> sim;
        RunResult r;
        long bytes = 0;
        try {
            if (file == null) {
                sim = simulator(n, periods, TraceSink.noop());
                r = sim.run();
            } else {
                try (NdjsonSink s = new NdjsonSink(file)) {
                    sim = simulator(n, periods, s);
                    r = sim.run();
                }
                bytes = Files.size(file);
            }
        } catch (OutOfMemoryError e) {
            System.out.printf("%8d %8s out of memory after %.1f s (-Xmx%d MB)%n", n, file == null ? "off" : "ndjson",
                    (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
            return 0;
        }
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        double wall = (System.nanoTime() - t0) / 1e9;
        long retained = usedAfterGc() - heap0;
        double rate = r.deliveries() / cpu;
        if (n == 10) {
            base[slot] = rate;
        }
        System.out.printf("%8d %8s %,12d %9.2f %,14.0f %8.2fx %,12d %10s  (%s, now %d)%n", n,
                file == null ? "off" : "ndjson", r.deliveries(), wall, rate, base[slot] > 0 ? rate / base[slot] : 0,
                retained / n, bytes == 0 ? "-" : String.format("%,d", bytes / Math.max(1, r.steps())),
                r.reason(), r.time());
        reach(sim);
        return rate;
    }

    private static Simulator<ProbeAlgorithm.Msg> simulator(int n, int periods, TraceSink sink) {
        SimConfig cfg = SimConfig.of(n, 1).withMaxSteps(Long.MAX_VALUE).withMaxTime(periods * ProbeAlgorithm.PERIOD);
        return new Simulator<>(new ProbeAlgorithm(), cfg, FaultPlan.none(), sink);
    }

    /** Keeps the simulator reachable until after the retained-heap reading. */
    private static volatile Object sink;

    private static void reach(Object o) {
        sink = o;
        sink = null;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
