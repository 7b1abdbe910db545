package dev.conform.bench;

import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.io.NdjsonSink;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The real {@code swim} node on the seeded simulator at 100, 1,000 and 10,000 members, against
 * the SWIM paper's analysis (Das, Gupta, Motivala, DSN 2002):
 * <ul>
 * <li><b>detection</b>: three members crash after a warm-up; periods from the crash until some
 *     member suspects each, until some member holds it dead, and until every live member does,
 *     vs n. The paper: some member first probes a crashed one after e/(e-1) periods whatever n
 *     (periods aligned, the crash at a period's start); here the members' periods have random
 *     phases, so the first probe comes after about one period (about one probe of each member per
 *     period, at random times) and its verdict one period later: about 2. Dissemination: O(log n)
 *     periods, printed as periods / log2 n;</li>
 * <li><b>false positives</b>: no crash, uniform message loss 0-20 %, with suspicion, with the
 *     {@code no-suspicion} flaw, and with suspicion and a wider piggyback: distinct (member,
 *     incarnation) pairs declared dead per member per period (one false positive, however many
 *     members confirm it), Confirm actions per member per period, and the share of members ever
 *     declared dead. The paper's probability that a probe of a live member fails,
 *     {@code (1 - (1-p)^2) (1 - (1-p)^4)^k}, is what no-suspicion's Confirms per member per period
 *     should show (each member is probed about once per period);</li>
 * <li><b>cost</b>: the detection run at one size with NDJSON tracing off and on for a fixed number
 *     of periods (deliveries and steps per CPU-second of the simulating thread, trace bytes per
 *     event) and the retained heap per member (heap used after a full GC with the finished
 *     simulator reachable, less the heap before it was built, divided by n);</li>
 * <li><b>converge</b>: plain {@code swim} with its own stop condition, as {@code conform run} runs it.</li>
 * </ul>
 * Timing follows the paper's model of the simulator's network (delays 1..D ticks, D = 10): the
 * probe timeout is one worst round trip plus a tick (2D + 1), the period leaves room for the
 * indirect probe's two round trips after it (2D + 1 + 4D + 1), the suspicion lasts
 * {@code 4 max(1, log10 n)} periods and each update is piggybacked {@code 4 ceil(log10(n + 1))}
 * times (memberlist's SuspicionMult and RetransmitMult, the paper's lambda log n), k = 3.
 * Ratios are from the same run; the load average is printed next to every figure. Nothing is asserted.
 *
 * <p>Figures and plots: specs/swim/SCALE.md, docs/performance.md section 8.
 *
 * <p>Run: {@code mvn -B -o -pl test -am test-compile}, then {@code java -Xmx6g -cp <tracing, impl,
 * checker, tools classes, test classes + dependencies> dev.conform.bench.SwimScaleBench <svgDir>
 * [sizes=100,1000,10000] [fpSize=1000] [fpPeriods=100] [loss=0,5,10,15,20] [costSize=1000] [costPeriods=10]
 * [seed=1] [parts=detection,fp,cost,converge]}.
 */
public final class SwimScaleBench {
    static final int MAX_DELAY = 10;
    static final int K = 3;
    /** A piggyback limit nearer to what fits a UDP datagram (memberlist fills ~1,400 bytes), against the node's 6. */
    static final int WIDE_PIGGYBACK = 24;
    private static final double E_RATIO = Math.E / (Math.E - 1);

    private SwimScaleBench() {
    }

    /** The bench's settings: group sizes, the false-positive and cost runs' sizes and lengths, the seed. */
    record Settings(int[] sizes, int fpSize, int fpPeriods, int[] lossPercents, int costSize, int costPeriods, long seed,
                    List<String> parts) {
        static Settings parse(String[] args) {
            int[] sizes = {100, 1_000, 10_000};
            int fpSize = 1_000;
            int fpPeriods = 100;
            int[] loss = {0, 5, 10, 15, 20};
            int costSize = 1_000;
            int costPeriods = 10;
            long seed = 1;
            List<String> parts = List.of("detection", "fp", "cost", "converge");
            for (int i = 1; i < args.length; i++) {
                String[] kv = args[i].split("=", 2);
                switch (kv[0]) {
                    case "sizes" -> sizes = ints(kv[1]);
                    case "fpSize" -> fpSize = Integer.parseInt(kv[1]);
                    case "fpPeriods" -> fpPeriods = Integer.parseInt(kv[1]);
                    case "loss" -> loss = ints(kv[1]);
                    case "costSize" -> costSize = Integer.parseInt(kv[1]);
                    case "costPeriods" -> costPeriods = Integer.parseInt(kv[1]);
                    case "seed" -> seed = Long.parseLong(kv[1]);
                    case "parts" -> parts = List.of(kv[1].split(","));
                    default -> throw new IllegalArgumentException("unknown setting " + args[i]);
                }
            }
            return new Settings(sizes, fpSize, fpPeriods, loss, costSize, costPeriods, seed, parts);
        }

        private static int[] ints(String csv) {
            return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SwimScaleBench <svgDir> [sizes=100,1000,10000] [fpSize=1000] [fpPeriods=100]"
                    + " [loss=0,5,10,15,20] [costSize=1000] [costPeriods=10] [seed=1] [parts=detection,fp,cost,converge]");
            System.exit(2);
        }
        run(Path.of(args[0]), Settings.parse(args));
    }

    /** Runs every part and writes the plots into {@code dir}; returns the plot files. */
    static List<Path> run(Path dir, Settings s) throws Exception {
        Files.createDirectories(dir);
        String stamp = Instant.now().truncatedTo(ChronoUnit.MINUTES) + ", load " + load();
        System.out.printf("SwimScaleBench %s, %d cores, -Xmx%d MB%n", stamp,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        detection(100, s.seed, false); // warm-up
        List<Path> out = new ArrayList<>();
        if (s.parts.contains("detection")) {
            out.addAll(detectionPart(dir, s, stamp));
        }
        if (s.parts.contains("fp")) {
            out.add(falsePositivePart(dir, s, stamp));
        }
        if (s.parts.contains("cost")) {
            costPart(s);
        }
        if (s.parts.contains("converge")) {
            convergePart(s);
        }
        return out;
    }

    // ---- detection and dissemination vs n --------------------------------------------------

    private static List<Path> detectionPart(Path dir, Settings s, String stamp) throws IOException {
        System.out.printf("%n== detection: 3 members crash after 5 periods; periods after the crash (paper: e/(e-1) = %.2f) ==%n",
                E_RATIO);
        System.out.printf("%8s %6s %7s %7s %7s %9s %9s %8s %13s %12s %9s %7s %s%n", "members", "period", "suspTO",
                "suspect", "dead", "all dead", "dissem.", "/log2 n", "deliveries", "deliv/CPU-s", "wall s", "KB/mem",
                "load");
        int m = s.sizes.length;
        double[] x = new double[m];
        double[] suspect = new double[m];
        double[] dead = new double[m];
        double[] all = new double[m];
        double[] dissem = new double[m];
        double[] log2 = new double[m];
        double[] paper = new double[m];
        double[] heap = new double[m];
        for (int i = 0; i < m; i++) {
            int n = s.sizes[i];
            Detection d = repeated(n, s.seed);
            Timing t = Timing.of(n);
            x[i] = n;
            suspect[i] = d.suspect;
            dead[i] = d.dead;
            all[i] = d.allDead;
            dissem[i] = d.allDead - d.dead;
            log2[i] = log2(n);
            paper[i] = E_RATIO;
            heap[i] = d.heapPerMember / 1024.0;
            System.out.printf(Locale.ROOT, "%,8d %6d %7d %7.2f %7.2f %9.2f %9.2f %8.2f %,13d %,12.0f %9.2f %7.1f %s%s%n",
                    n, t.period, t.suspectTimeout, d.suspect, d.dead, d.allDead, dissem[i], dissem[i] / log2[i],
                    d.deliveries, d.deliveries / d.cpu, d.wall, heap[i], d.load, d.settled ? "" : "  (not settled)");
        }
        Path det = dir.resolve("detection.svg");
        new SvgPlot("SWIM: detection of a crash vs group size", "members", "protocol periods after the crash", true,
                stamp)
                .line("first suspicion", x, suspect)
                .model("paper: e/(e-1)", x, paper)
                .model("random phase: 1 + 1", x, Arrays.stream(x).map(v -> 2).toArray())
                .write(det);
        Path dis = dir.resolve("dissemination.svg");
        new SvgPlot("SWIM: from first death to all members", "members", "protocol periods", true, stamp)
                .line("first dead -> all know", x, dissem)
                .model("log2 n", x, log2)
                .write(dis);
        Path tot = dir.resolve("time-to-all.svg");
        new SvgPlot("SWIM: crash until every member knows", "members", "protocol periods after the crash", true, stamp)
                .line("first suspicion", x, suspect)
                .line("first dead", x, dead)
                .line("all live members: dead", x, all)
                .write(tot);
        Path mem = dir.resolve("heap-per-member.svg");
        new SvgPlot("SWIM: retained heap per member (tracing off)", "members", "KB per member", true, stamp)
                .line("measured", x, heap)
                .model("view: 5 bytes x n", x, Arrays.stream(x).map(v -> 5 * v / 1024).toArray())
                .write(mem);
        return List.of(det, dis, tot, mem);
    }

    /**
     * Detection runs with seeds seed, seed + 1, ... (30 at n <= 100, 10 at n <= 1,000, else 3: three
     * victims each), averaged; rates over all runs; wall time per run; heap from the first run.
     */
    static Detection repeated(int n, long seed) {
        int reps = n <= 100 ? 30 : n <= 1_000 ? 10 : 3;
        Detection first = detection(n, seed, true);
        double suspect = first.suspect;
        double dead = first.dead;
        double all = first.allDead;
        boolean settled = first.settled;
        long deliveries = first.deliveries;
        long steps = first.steps;
        double cpu = first.cpu;
        double wall = first.wall;
        for (int r = 1; r < reps; r++) {
            Detection d = detection(n, seed + r, false);
            suspect += d.suspect;
            dead += d.dead;
            all += d.allDead;
            settled &= d.settled;
            deliveries += d.deliveries;
            steps += d.steps;
            cpu += d.cpu;
            wall += d.wall;
        }
        System.out.printf("%8s (%d runs x 3 crashes)%n", "", reps);
        return new Detection(suspect / reps, dead / reps, all / reps, settled, deliveries, steps, cpu, wall / reps,
                first.heapPerMember, load());
    }

    /** The outcome of one detection run, in periods after the crash (averaged over the victims). */
    record Detection(double suspect, double dead, double allDead, boolean settled, long deliveries, long steps,
                     double cpu, double wall, long heapPerMember, String load) {
    }

    static Detection detection(int n, long seed, boolean measureHeap) {
        Timing t = Timing.of(n);
        int[] victims = {n / 4 + 1, n / 2 + 1, 3 * n / 4 + 1};
        long crashAt = 5L * t.period + 7;
        long maxTime = crashAt + (t.suspectTimeout / t.period + 40L) * t.period;
        SwimWatch watch = new SwimWatch(victims, false);
        List<FaultEvent> crashes = new ArrayList<>();
        for (int v : victims) {
            crashes.add(new FaultEvent.Crash(crashAt, v));
        }
        long heap0 = measureHeap ? usedAfterGc() : 0;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        Simulator<?> sim = new Simulator<>(watch, t.config(n, seed, maxTime, 0, false), new FaultPlan(crashes),
                TraceSink.noop());
        RunResult r = sim.run();
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        double wall = (System.nanoTime() - w0) / 1e9;
        long heap = measureHeap ? (usedAfterGc() - heap0) / n : 0;
        reach(sim);
        return new Detection(avgPeriods(watch.firstSuspect, crashAt, t.period), avgPeriods(watch.firstDead, crashAt, t.period),
                avgPeriods(watch.allDead, crashAt, t.period), watch.settled(), r.deliveries(), r.steps(), cpu, wall, heap,
                load());
    }

    private static double avgPeriods(long[] ticks, long from, int period) {
        double sum = 0;
        for (long t : ticks) {
            if (t < 0) {
                return Double.NaN;
            }
            sum += t - from;
        }
        return sum / ticks.length / period;
    }

    // ---- false positives vs loss -------------------------------------------------------------

    private static Path falsePositivePart(Path dir, Settings s, String stamp) throws IOException {
        int n = s.fpSize;
        Timing t = Timing.of(n);
        System.out.printf("%n== false positives: %d members, %d periods, no crash; members declared dead (distinct member and"
                + " incarnation) per member per period; Confirm actions likewise; share of members ever declared dead ==%n",
                n, s.fpPeriods);
        System.out.printf("%6s | %12s %12s %10s | %12s %12s %10s | %12s | %13s %7s %s%n", "loss %", "suspicion", "Confirms",
                "ever dead", "no-suspicion", "Confirms", "ever dead", "susp., pb " + WIDE_PIGGYBACK, "paper (no s.)",
                "CPU s", "load");
        int m = s.lossPercents.length;
        double[] x = new double[m];
        double[] with = new double[m];
        double[] without = new double[m];
        double[] model = new double[m];
        double[] wide = new double[m];
        double[] failed = new double[m];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < m; i++) {
            int loss = s.lossPercents[i];
            long c0 = mx.getCurrentThreadCpuTime();
            SwimWatch a = falsePositives(n, s.seed, s.fpPeriods, loss, false, 0);
            SwimWatch b = falsePositives(n, s.seed, s.fpPeriods, loss, true, 0);
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            SwimWatch c = falsePositives(n, s.seed, s.fpPeriods, loss, false, WIDE_PIGGYBACK);
            wide[i] = (double) c.deaths.size() / n / s.fpPeriods;
            double p = loss / 100.0;
            x[i] = loss;
            with[i] = (double) a.deaths.size() / n / s.fpPeriods;
            without[i] = (double) b.deaths.size() / n / s.fpPeriods;
            model[i] = (1 - Math.pow(1 - p, 2)) * Math.pow(1 - Math.pow(1 - p, 4), K);
            failed[i] = (double) b.confirms / n / s.fpPeriods;
            System.out.printf(Locale.ROOT, "%6d | %12.6f %12.6f %9.1f%% | %12.6f %12.6f %9.1f%% | %12.6f | %13.6f %7.2f %s%n",
                    loss, with[i], (double) a.confirms / n / s.fpPeriods, 100.0 * a.declared.cardinality() / n, without[i],
                    failed[i], 100.0 * b.declared.cardinality() / n, wide[i], model[i], cpu, load());
        }
        Path fp = dir.resolve("false-positives.svg");
        new SvgPlot("SWIM: members declared dead, " + n + " live members", "uniform message loss (%)",
                "(member, incarnation) declared dead per member per period", false, stamp + ", " + s.fpPeriods + " periods, period " + t.period)
                .line("with suspicion", x, with)
                .line("no-suspicion flaw", x, without)
                .line("suspicion, piggyback " + WIDE_PIGGYBACK, x, wide)
                .line("no-suspicion: Confirms", x, failed)
                .model("paper: failed probe (k=" + K + ")", x, model)
                .write(fp);
        return fp;
    }

    /** One false-positive run; {@code piggyback} 0 keeps the node's default (6). */
    static SwimWatch falsePositives(int n, long seed, int periods, int loss, boolean noSuspicion, int piggyback) {
        Timing t = Timing.of(n);
        SwimWatch watch = new SwimWatch(new int[0], true);
        SimConfig cfg = t.config(n, seed, (long) periods * t.period, loss, noSuspicion);
        if (piggyback > 0) {
            cfg = cfg.withOptions(cfg.options().with("piggyback", piggyback));
        }
        new Simulator<>(watch, cfg, FaultPlan.none(), TraceSink.noop()).run();
        return watch;
    }

    // ---- tracing off and on --------------------------------------------------------------------

    private static void costPart(Settings s) throws IOException {
        int n = s.costSize;
        Timing t = Timing.of(n);
        long maxTime = (long) s.costPeriods * t.period;
        System.out.printf("%n== cost: %d members, %d periods (3 crash at period 5), tracing off and NDJSON ==%n", n, s.costPeriods);
        System.out.printf("%8s %12s %12s %14s %12s %9s %12s %10s %s%n", "tracing", "deliveries", "steps", "deliv/CPU-s",
                "steps/CPU-s", "wall s", "heap B/mem", "B/event", "load");
        double[] rates = new double[2];
        Path file = Files.createTempFile("swimscale", ".ndjson");
        try {
            for (int traced = 0; traced < 2; traced++) {
                int[] victims = {n / 4 + 1, n / 2 + 1, 3 * n / 4 + 1};
                long crashAt = 5L * t.period + 7;
                List<FaultEvent> crashes = new ArrayList<>();
                for (int v : victims) {
                    crashes.add(new FaultEvent.Crash(crashAt, v));
                }
                SimConfig cfg = t.config(n, s.seed, maxTime, 0, false);
                long heap0 = usedAfterGc();
                ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                long c0 = mx.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                Simulator<?> sim;
                RunResult r;
                if (traced == 0) {
                    sim = new Simulator<>(new SwimWatch(new int[0], false), cfg, new FaultPlan(crashes), TraceSink.noop());
                    r = sim.run();
                } else {
                    try (NdjsonSink sink = new NdjsonSink(file)) {
                        sim = new Simulator<>(new SwimWatch(new int[0], false), cfg, new FaultPlan(crashes), sink);
                        r = sim.run();
                    }
                }
                double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                double wall = (System.nanoTime() - w0) / 1e9;
                long heap = (usedAfterGc() - heap0) / n;
                reach(sim);
                String perEvent = "-";
                if (traced == 1) {
                    perEvent = String.format("%,d", Files.size(file) / Math.max(1, lines(file)));
                }
                rates[traced] = r.deliveries() / cpu;
                System.out.printf(Locale.ROOT, "%8s %,12d %,12d %,14.0f %,12.0f %9.2f %,12d %10s %s%n",
                        traced == 0 ? "off" : "ndjson", r.deliveries(), r.steps(), rates[traced], r.steps() / cpu, wall,
                        heap, perEvent, load());
            }
        } finally {
            Files.deleteIfExists(file);
        }
        System.out.printf("off/on per CPU-s: %.1fx%n", rates[0] / rates[1]);
    }

    // ---- the algorithm's own stop condition, as conform run uses it -----------------------------

    /**
     * Plain {@code swim} with its own stop condition (rounds 10), three members crashing at period 5:
     * the run ends when every live member has done its rounds and holds the three dead. The stop
     * condition is asked after every step, so this is where its cost per step shows.
     */
    private static void convergePart(Settings s) {
        System.out.printf("%n== converge: plain swim, its own stop condition (rounds 10), 3 crash at period 5 ==%n");
        System.out.printf("%8s %16s %9s %12s %14s %9s %s%n", "members", "stop", "periods", "steps", "deliv/CPU-s", "wall s",
                "load");
        for (int n : s.sizes) {
            Timing t = Timing.of(n);
            long crashAt = 5L * t.period + 7;
            List<FaultEvent> crashes = new ArrayList<>();
            for (int v : new int[] {n / 4 + 1, n / 2 + 1, 3 * n / 4 + 1}) {
                crashes.add(new FaultEvent.Crash(crashAt, v));
            }
            SimConfig cfg = t.config(n, s.seed, 200L * t.period, 0, false);
            cfg = cfg.withOptions(cfg.options().with("rounds", 10));
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            RunResult r = new Simulator<>(new dev.conform.algorithms.swim.SwimAlgorithm(), cfg, new FaultPlan(crashes),
                    TraceSink.noop()).run();
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "%,8d %16s %9.2f %,12d %,14.0f %9.2f %s%n", n, r.reason(),
                    (double) r.time() / t.period, r.steps(), r.deliveries() / cpu, (System.nanoTime() - w0) / 1e9, load());
        }
    }

    // ---- timing from the paper's model of this network ---------------------------------------

    /** The protocol timing for n members on the simulator's 1..MAX_DELAY-tick network (see the class comment). */
    record Timing(int period, int probeTimeout, int suspectTimeout, int retransmit) {
        static Timing of(int n) {
            int probeTimeout = 2 * MAX_DELAY + 1;
            int period = probeTimeout + 4 * MAX_DELAY + 1;
            int suspectPeriods = (int) Math.ceil(4 * Math.max(1, Math.log10(n)));
            int retransmit = 4 * (int) Math.ceil(Math.log10(n + 1));
            return new Timing(period, probeTimeout, suspectPeriods * period, retransmit);
        }

        SimConfig config(int n, long seed, long maxTime, int lossPercent, boolean noSuspicion) {
            Options o = Options.empty().with("period", period).with("probeTimeout", probeTimeout)
                    .with("suspectTimeout", suspectTimeout).with("retransmit", retransmit).with("k", K);
            if (noSuspicion) {
                o = o.withFlaw("no-suspicion");
            }
            return new SimConfig(n, seed, NetSemantics.UNRELIABLE, Long.MAX_VALUE, maxTime, 1, MAX_DELAY, lossPercent, 0, o);
        }
    }

    // ---- measuring -------------------------------------------------------------------------------

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** The 1-minute load average, as the machine is shared. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long lines(Path file) throws IOException {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
            }
        }
        return n;
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
