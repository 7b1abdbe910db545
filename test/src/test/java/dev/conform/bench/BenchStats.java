package dev.conform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;

/** Percentiles of sorted samples (no histogram library on the classpath) and the machine's load, for the network benchmarks. */
final class BenchStats {
    private BenchStats() {
    }

    /** The {@code q}-quantile (0..1) of {@code samples} by the nearest-rank method; -1 when empty. */
    static long quantile(long[] samples, double q) {
        if (samples.length == 0) {
            return -1;
        }
        long[] s = samples.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(q * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    static long quantile(Collection<Long> samples, double q) {
        return quantile(samples.stream().mapToLong(Long::longValue).toArray(), q);
    }

    /** Nanoseconds as microseconds with one decimal. */
    static String micros(long nanos) {
        return nanos < 0 ? "-" : String.format("%,.1f", nanos / 1e3);
    }

    /** Nanoseconds as milliseconds with one decimal. */
    static String millis(long nanos) {
        return nanos < 0 ? "-" : String.format("%,.1f", nanos / 1e6);
    }

    /** The 1-minute load average now (from /proc/loadavg), to print beside each figure. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
