package dev.conform.bench;

import dev.conform.checker.tlc.Tla2Tools;
import dev.conform.cli.Main;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What does {@code conform check} cost on top of running TLC by hand? Runs the same model
 * (bench/Grid.tla, 923,521 distinct states, >= 10 s with one worker) through {@code conform check}
 * (TlcRunner, output parsing, rendering) and through plain {@code java -cp <jar> tlc2.TLC},
 * alternating which goes first, and prints each time and the ratio of medians (target <= 1.05).
 *
 * <p>Run: {@code mvn -B -pl test -am test-compile exec:java -Dconform.bench=TlcOverheadBench}
 * (add {@code -Dconform.bench.rounds=N}, default 3).
 */
public final class TlcOverheadBench {

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("conform.bench.rounds", 3);
        Path spec = resource("bench/Grid.tla");
        Path jar = Tla2Tools.bundled();
        System.out.printf("TLC overhead: %s, %d rounds, jar %s, %d cores, load average %.2f%n",
                spec.getFileName(), rounds, jar, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Double> conform = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            boolean conformFirst = round % 2 == 1;
            double a = conformFirst ? viaConform(spec) : viaPlainTlc(spec, jar);
            double b = conformFirst ? viaPlainTlc(spec, jar) : viaConform(spec);
            double c = conformFirst ? a : b;
            double p = conformFirst ? b : a;
            conform.add(c);
            plain.add(p);
            System.out.printf(Locale.ROOT, "round %d (%s first): conform check %.2f s, plain TLC %.2f s, ratio %.3f%n",
                    round, conformFirst ? "conform" : "plain", c, p, c / p);
        }
        double mc = median(conform);
        double mp = median(plain);
        System.out.printf(Locale.ROOT, "median: conform check %.2f s, plain TLC %.2f s, ratio %.3f (target <= 1.05)%n",
                mc, mp, mc / mp);
    }

    private static double viaConform(Path spec) throws IOException {
        Path out = Files.createTempDirectory("bench-out");
        PrintStream old = System.out;
        long start = System.nanoTime();
        int exit;
        try {
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            exit = Main.run("check", spec.toString(), "--workers", "1", "--out", out.toString());
        } finally {
            System.setOut(old);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        deleteTree(out);
        if (exit != 0) {
            throw new IllegalStateException("conform check exited " + exit);
        }
        return secs;
    }

    private static double viaPlainTlc(Path spec, Path jar) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("bench-plain");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar.toString(), "tlc2.TLC", "-workers", "1", "-metadir", work.resolve("meta").toString(),
                "-config", spec.resolveSibling("Grid.cfg").toString(), spec.toString());
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = p.waitFor();
        double secs = (System.nanoTime() - start) / 1e9;
        deleteTree(work);
        if (exit != 0) {
            throw new IllegalStateException("plain TLC exited " + exit);
        }
        return secs;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Comparator.naturalOrder());
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TlcOverheadBench.class.getResource("/" + name).toURI());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
