package dev.conform.bench;

import dev.conform.algorithms.raft.RaftAlgorithm;
import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.io.BackgroundNdjsonSink;
import dev.conform.tracing.io.NdjsonSink;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Raft simulator throughput: 5 servers and 2 KV clients with {@code ops} commands each (election,
 * replication, snapshots every 16 entries, heartbeats), no faults, run with tracing off and with
 * NDJSON tracing to a file (a quarter of the commands), the latter both with {@link NdjsonSink}
 * (encoding on the simulating thread) and with {@link BackgroundNdjsonSink} (encoding on a writer
 * thread; its rate per CPU-second counts the CPU time of both threads). Prints deliveries per
 * second of each, per wall second and per CPU-second (steadier on a shared machine), trace bytes
 * and heap bytes allocated per delivery by the simulating thread (steady whatever the load), and
 * the off/on ratio. Targets: >= 1M deliveries/s off, >= 300k/s NDJSON.
 *
 * <p>Measured figures (baseline vs. now, A/B on the shared machine): docs/performance.md.
 *
 * <p>Run from the repository root (classpath as in {@link JavaReplayBench}):
 * <pre>
 * java -cp test/target/test-classes:$(cat /tmp/conform-cp.txt) dev.conform.bench.RaftSimBench [ops] [rounds]
 * </pre>
 * A/B against a baseline build in the same time window: compile the baseline (e.g. branch
 * {@code main}) to separate folders and name them with {@code --ab}; the bench then runs
 * {@code pairs} alternating child JVMs, baseline classes first on the classpath and then the
 * current ones, and prints each run's figures and the ratio of the best rates:
 * <pre>
 * java -cp ... dev.conform.bench.RaftSimBench --ab /tmp/base/impl:/tmp/base/tracing [ops] [rounds] [pairs]
 * </pre>
 */
public final class RaftSimBench {
    private static final String RESULT = "RESULT ";

    private RaftSimBench() {
    }

    /** Best rates of one JVM: wall and CPU, off and on, and the last trace size per delivery. */
    record Figures(double off, double offCpu, double on, double onCpu, double bytesPerDelivery,
                   double allocOff, double allocOn, double bg, double bgCpu) {
        String line() {
            return RESULT + off + " " + offCpu + " " + on + " " + onCpu + " " + bytesPerDelivery + " " + allocOff
                + " " + allocOn + " " + bg + " " + bgCpu;
        }

        static Figures parse(String line) {
            String[] f = line.substring(RESULT.length()).trim().split(" ");
            double[] d = new double[9];
            for (int i = 0; i < d.length; i++) {
                d[i] = Double.parseDouble(f[i]);
            }
            return new Figures(d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]);
        }

        /** Best rates; sizes and allocation are the same in every round of one build (deterministic runs). */
        Figures best(Figures o) {
            return new Figures(Math.max(off, o.off), Math.max(offCpu, o.offCpu), Math.max(on, o.on),
                Math.max(onCpu, o.onCpu), o.bytesPerDelivery, o.allocOff, o.allocOn, Math.max(bg, o.bg),
                Math.max(bgCpu, o.bgCpu));
        }
    }

    private static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--ab")) {
            int ops = args.length > 2 ? Integer.parseInt(args[2]) : 4_000;
            int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
            int pairs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
            ab(args[1], ops, rounds, pairs);
            return;
        }
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 16_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Figures f = measureAll(ops, rounds, true);
        System.out.printf("raft 5 servers, best tracing off:    %,.0f deliveries/s, %,.0f per CPU-second (target >= 1,000,000)%n",
            f.off, f.offCpu);
        System.out.printf("raft 5 servers, best tracing ndjson: %,.0f deliveries/s, %,.0f per CPU-second (target >= 300,000);"
            + " %,.0f trace bytes per delivery%n", f.on, f.onCpu, f.bytesPerDelivery);
        System.out.printf("raft 5 servers, best ndjson on a writer thread: %,.0f deliveries/s, %,.0f per CPU-second"
            + " of both threads (0 = not measured: a baseline without BackgroundNdjsonSink)%n", f.bg, f.bgCpu);
        System.out.printf("ratio off/on: %.1fx wall, %.1fx CPU; heap allocated per delivery: off %,.0f B, ndjson %,.0f B%n",
            f.off / f.on, f.offCpu / f.onCpu, f.allocOff, f.allocOn);
        System.out.println(f.line());
    }

    /** Warm-up, then {@code rounds} alternating rounds of off and on; the best of each. */
    private static Figures measureAll(int ops, int rounds, boolean print) throws Exception {
        Path file = Files.createTempFile("raftsimbench", ".ndjson");
        try {
            for (int i = 0; i < 3; i++) {
                run(ops / 2, TraceSink.noop());
                try (NdjsonSink s = new NdjsonSink(file)) {
                    run(ops / 8, s);
                }
                Background.run(ops / 8, file);
            }
            Figures best = NONE;
            for (int r = 0; r < rounds; r++) {
                double[] off = measure("tracing off   ", ops, TraceSink.noop(), print);
                double[] on;
                try (NdjsonSink s = new NdjsonSink(file)) {
                    on = measure("tracing ndjson", ops / 4, s, print);
                }
                double perDelivery = Files.size(file) / on[2];
                double[] bg = Background.measure(ops / 4, file, print);
                best = best.best(new Figures(off[0], off[1], on[0], on[1], perDelivery, off[3], on[3], bg[0], bg[1]));
            }
            return best;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** {wall rate, CPU rate, deliveries, heap bytes allocated per delivery} of one run. */
    private static double[] measure(String label, int ops, TraceSink sink, boolean print) {
        return measure(label, ops, sink, print, null);
    }

    /** As above; {@code extra} is another thread whose CPU time belongs to the run (the trace writer). */
    private static double[] measure(String label, int ops, TraceSink sink, boolean print, Thread extra) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean alloc = (com.sun.management.ThreadMXBean) mx;
        long tid = Thread.currentThread().getId();
        long a0 = alloc.getThreadAllocatedBytes(tid);
        long c0 = mx.getCurrentThreadCpuTime() + (extra == null ? 0 : mx.getThreadCpuTime(extra.getId()));
        long t0 = System.nanoTime();
        RunResult r = run(ops, sink);
        if (sink instanceof NdjsonSink s) {
            s.flush(); // the file writes belong to the measured work
        } else if (extra != null) {
            Background.flush(sink);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() + (extra == null ? 0 : mx.getThreadCpuTime(extra.getId())) - c0) / 1e9;
        double allocated = (alloc.getThreadAllocatedBytes(tid) - a0) / (double) r.deliveries();
        double rate = r.deliveries() / secs;
        double cpuRate = r.deliveries() / cpu;
        if (print) {
            System.out.printf("%s: %,d deliveries, %,d steps in %.2f s = %,.0f deliveries/s, %,.0f per CPU-second (%s)%n",
                label, r.deliveries(), r.steps(), secs, rate, cpuRate, r.reason());
        }
        return new double[] {rate, cpuRate, r.deliveries(), allocated};
    }

    /**
     * NDJSON through {@link BackgroundNdjsonSink} (encoding on a writer thread; the rate per CPU-second
     * counts both threads). Kept apart so that a baseline build without that class still runs the
     * other modes: it reports zeros.
     */
    private static final class Background {
        /**
         * Set in baseline children of {@code --ab}: their own NdjsonSink comes first on the class
         * path, so a BackgroundNdjsonSink found further on would not match it.
         */
        static final boolean OFF = Boolean.getBoolean("raftsimbench.baseline");

        static void run(int ops, Path file) {
            if (OFF) {
                return;
            }
            try (BackgroundNdjsonSink s = new BackgroundNdjsonSink(file)) {
                RaftSimBench.run(ops, s);
            } catch (NoClassDefFoundError e) {
                // baseline build: no writer-thread sink
            }
        }

        static double[] measure(int ops, Path file, boolean print) {
            if (OFF) {
                return new double[] {0, 0, 0, 0};
            }
            try (BackgroundNdjsonSink s = new BackgroundNdjsonSink(file)) {
                return RaftSimBench.measure("ndjson, writer", ops, s, print, s.writerThread());
            } catch (NoClassDefFoundError e) {
                return new double[] {0, 0, 0, 0};
            }
        }

        static void flush(TraceSink sink) {
            ((BackgroundNdjsonSink) sink).flush();
        }
    }

    private static RunResult run(int ops, TraceSink sink) {
        Options o = Options.empty().with("clients", 2).with("ops", ops).with("snapshotEvery", 16);
        SimConfig cfg = SimConfig.of(5, 1).withNet(NetSemantics.UNRELIABLE).withMaxSteps(Long.MAX_VALUE).withOptions(o);
        return new Simulator<RaftMessage>(new RaftAlgorithm(), cfg, FaultPlan.none(), sink).run();
    }

    /** Alternating child JVMs, baseline first; prints every run and the ratios of the best rates. */
    private static void ab(String baselinePrefix, int ops, int rounds, int pairs) throws Exception {
        String cp = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Figures base = NONE;
        Figures now = NONE;
        System.out.printf("%-9s %12s %12s %13s %12s %8s %9s %9s %13s %12s%n", "run", "off wall/s", "off CPU/s",
            "ndjson wall/s", "ndjson CPU/s", "B/deliv", "alloc off", "alloc on", "writer wall/s", "writer CPU/s");
        for (int p = 0; p < pairs; p++) {
            Figures b = child(java, baselinePrefix + File.pathSeparator + cp, ops, rounds, true);
            print("baseline", b);
            base = base.best(b);
            Figures n = child(java, cp, ops, rounds, false);
            print("new", n);
            now = now.best(n);
        }
        print("best base", base);
        print("best new", now);
        System.out.printf("new/baseline: tracing off %.2fx wall, %.2fx CPU; ndjson %.2fx wall, %.2fx CPU;"
                + " trace bytes per delivery %.2fx; allocation per delivery off %.2fx, ndjson %.2fx%n",
            now.off / base.off, now.offCpu / base.offCpu, now.on / base.on, now.onCpu / base.onCpu,
            now.bytesPerDelivery / base.bytesPerDelivery, now.allocOff / base.allocOff, now.allocOn / base.allocOn);
        System.out.printf("new ndjson on a writer thread / baseline ndjson: %.2fx wall, %.2fx CPU (both threads)%n",
            now.bg / base.on, now.bgCpu / base.onCpu);
    }

    private static void print(String label, Figures f) {
        System.out.printf("%-9s %,12.0f %,12.0f %,13.0f %,12.0f %8.0f %9.0f %9.0f %,13.0f %,12.0f%n", label, f.off,
            f.offCpu, f.on, f.onCpu, f.bytesPerDelivery, f.allocOff, f.allocOn, f.bg, f.bgCpu);
    }

    private static Figures child(String java, String cp, int ops, int rounds, boolean baseline) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java, "-Draftsimbench.baseline=" + baseline, "-cp", cp,
            RaftSimBench.class.getName(), Integer.toString(ops), Integer.toString(rounds)));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Figures f = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                all.append(line).append('\n');
                if (line.startsWith(RESULT)) {
                    f = Figures.parse(line);
                }
            }
        }
        int code = proc.waitFor();
        if (code != 0 || f == null) {
            throw new IllegalStateException("bench child failed (exit " + code + "):\n" + all);
        }
        return f;
    }
}
