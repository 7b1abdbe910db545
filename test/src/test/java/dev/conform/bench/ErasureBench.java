package dev.conform.bench;

import dev.conform.algorithms.erasure.ReedSolomon;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Reed-Solomon codec throughput (JMH, one thread): encode and decode with m data shards missing,
 * for RS(6,3), RS(10,4) and RS(12,4) on 1 MiB stripes (k shards of 1 MiB / k bytes), against
 * the physical bound measured in the same run: one plain pass over the same stripe XORing the k
 * data shards into one output (the cheapest possible code, RAID-5 parity).
 * Figures are MB/s of data (10^6 bytes of the 1 MiB stripe per second) and the ratio to that
 * bound. Targets: encode RS(10,4) &gt;= 1,000 MB/s, decode &gt;= half of that.
 *
 * <p>Figures and the run command: impl/src/main/java/dev/conform/algorithms/erasure/README.md.
 *
 * <p>Run from the repository root (arguments: JMH forks, default 1; kernels, default the
 * default kernel of the JVM, or e.g. {@code table,vector}):
 * <pre>
 * mvn -B -q -o -pl test -am test-compile dependency:build-classpath -DskipTests -Dmdep.outputFile=/tmp/conform-cp.txt
 * java -cp test/target/test-classes:$(cat /tmp/conform-cp.txt) dev.conform.bench.ErasureBench [forks] [kernels]
 * </pre>
 * or {@code mvn -B -o -pl test -am test-compile exec:java -Dconform.bench=ErasureBench
 * -Dexec.args="1 vector,table"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ErasureBench {
    static final int STRIPE = 1 << 20;

    /** "k+m" (not "k,m": JMH splits parameter lists at commas). */
    @Param({"6+3", "10+4", "12+4"})
    public String code;

    private ReedSolomon rs;
    private byte[][] data;
    private byte[][] parity;
    private byte[][] shards;
    private boolean[] present;

    @Setup
    public void setUp() {
        String[] km = code.split("\\+");
        int k = Integer.parseInt(km[0]);
        int m = Integer.parseInt(km[1]);
        rs = ReedSolomon.create(k, m);
        int len = STRIPE / k; // 1 MiB / k, rounded down: the stripe is within k bytes of 1 MiB
        SplittableRandom rnd = new SplittableRandom(42);
        data = new byte[k][len];
        for (byte[] d : data) {
            rnd.nextBytes(d);
        }
        parity = new byte[m][len];
        rs.encodeParity(data, parity);
        shards = rs.encode(data);
        present = new boolean[k + m];
        for (int i = m; i < k + m; i++) {
            present[i] = true; // the first m data shards are lost: decode inverts the most
        }
        for (int i = 0; i < m; i++) {
            shards[i] = new byte[len]; // reconstruct overwrites these buffers each time
        }
    }

    @Benchmark
    public byte[][] encode() {
        rs.encodeParity(data, parity);
        return parity;
    }

    @Benchmark
    public byte[][] decode() {
        rs.reconstruct(shards, present);
        return shards;
    }

    /**
     * The physical bound: read the whole stripe once, write one shard (the XOR of all data
     * shards). A plain byte loop, which C2 turns into full-width SIMD XORs: no codec can touch the
     * same bytes with less work.
     */
    @Benchmark
    public byte[] xorBound() {
        byte[] out = parity[0];
        System.arraycopy(data[0], 0, out, 0, out.length);
        for (int c = 1; c < data.length; c++) {
            byte[] src = data[c];
            for (int i = 0; i < out.length; i++) {
                out[i] ^= src[i];
            }
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        forkWithThisClassPath();
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        String[] kernels = args.length > 1 ? args[1].split(",") : new String[] {""};
        for (String kernel : kernels) {
            ChainedOptionsBuilder opts = new OptionsBuilder()
                .include(ErasureBench.class.getName() + "\\.")
                .forks(forks)
                .threads(1)
                .addProfiler(CpuTimeProfiler.class);
            if (!kernel.isEmpty()) {
                opts.jvmArgsAppend("-Dconform.erasure.kernel=" + kernel);
                if (kernel.equals("vector")) {
                    opts.jvmArgsAppend("--add-modules=jdk.incubator.vector");
                }
            }
            print(kernel.isEmpty() ? "default" : kernel, new Runner(opts.build()).run());
        }
    }

    /**
     * Under {@code mvn exec:java} the JVM's class path is Maven's own and the benchmark classes
     * come from a class loader; JMH starts its forks with {@code java.class.path}, so hand it that
     * loader's path.
     */
    private static void forkWithThisClassPath() throws URISyntaxException {
        if (ErasureBench.class.getClassLoader() instanceof URLClassLoader loader
            && !System.getProperty("java.class.path").contains("test-classes")) {
            List<String> paths = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                paths.add(Path.of(url.toURI()).toString());
            }
            System.setProperty("java.class.path", String.join(File.pathSeparator, paths));
        }
    }

    private static void print(String kernel, Collection<RunResult> results) {
        System.out.println();
        System.out.println("Kernel " + kernel + ": MB/s of data by wall clock and per second of this JVM's CPU time,"
            + " each with its ratio to the XOR pass (bound) measured in the same run.");
        System.out.println("| kernel | code | encode MB/s | decode (m lost) MB/s | bound MB/s | encode / bound "
            + "| decode / bound | encode MB/CPU-s | decode MB/CPU-s | bound MB/CPU-s | encode / bound | decode / bound |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String c : new String[] {"6+3", "10+4", "12+4"}) {
            List<String> row = new ArrayList<>(List.of(kernel, "RS(" + c.replace("+", ",") + ")"));
            for (boolean perCpu : new boolean[] {false, true}) {
                double enc = mbPerSecond(results, c, "encode", perCpu);
                double dec = mbPerSecond(results, c, "decode", perCpu);
                double bound = mbPerSecond(results, c, "xorBound", perCpu);
                row.addAll(List.of(fmt(enc), fmt(dec), fmt(bound), String.format("%.2f", enc / bound),
                    String.format("%.2f", dec / bound)));
            }
            System.out.println("| " + String.join(" | ", row) + " |");
        }
    }

    /** Data MB (10^6 bytes of the k * (1 MiB / k) byte stripe) per wall second or per CPU second. */
    private static double mbPerSecond(Collection<RunResult> results, String code, String bench, boolean perCpu) {
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("." + bench) && r.getParams().getParam("code").equals(code)) {
                int k = Integer.parseInt(code.split("\\+")[0]);
                double bytes = (double) k * (STRIPE / k);
                if (perCpu) {
                    return bytes / r.getSecondaryResults().get(CpuTimeProfiler.LABEL).getScore() * 1e9 / 1e6;
                }
                return r.getPrimaryResult().getScore() * bytes / 1e6;
            }
        }
        throw new IllegalStateException("no result for " + bench + " " + code);
    }

    private static String fmt(double v) {
        return String.format("%,.0f", v);
    }
}
