package dev.conform.cli.gate;

import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.validate.ValidationReport;
import dev.conform.cli.report.FailureReport;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.sim.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chaos runs of one variant of a pairing: a contiguous range of seeds, their traces in a
 * folder of the gate's run folder, and what the Java invariants said about each. Traces of
 * passing runs are deleted, except the ones TLC is to validate (deleted once TLC passed them);
 * traces of failures are kept with their plans for replay.
 */
final class ChaosBatch {
    final GatePairing pairing;
    final GateVariant variant;
    final Algorithm<?> algorithm;
    final InvariantSet<?> invariants;
    final ChaosRunner runner;
    /** First seed and number of seeds of this variant. */
    final long firstSeed;
    final int seeds;
    /** The seeds of this variant whose traces TLC validates. */
    final TreeSet<Long> tlcSeeds;
    private final Path dir;
    /** Where the reports of this variant's failing runs go (null: none asked for). */
    private final Path reportDir;
    private final Map<Long, RunCheck> results = new ConcurrentHashMap<>();
    private final Map<Long, HistoryCheck> histories = new ConcurrentHashMap<>();

    ChaosBatch(GatePairing pairing, GateVariant variant, Algorithm<?> algorithm, InvariantSet<?> invariants,
            ChaosRunner runner, long firstSeed, int seeds, Set<Long> tlcSeeds, Path dir, Path reportDir) {
        this.pairing = pairing;
        this.variant = variant;
        this.algorithm = algorithm;
        this.invariants = invariants;
        this.runner = runner;
        this.firstSeed = firstSeed;
        this.seeds = seeds;
        this.tlcSeeds = new TreeSet<>(tlcSeeds);
        this.tlcSeeds.removeIf(x -> x < firstSeed || x >= firstSeed + seeds);
        this.dir = dir;
        this.reportDir = reportDir;
    }

    /** {@code k} seeds (at most all n) spread evenly over first..first+n-1 (stable: the same n and k, the same seeds). */
    static Set<Long> spread(long first, int n, int k) {
        Set<Long> out = new TreeSet<>();
        int m = Math.min(k, n);
        for (int i = 0; i < m; i++) {
            out.add(first + (long) i * n / m);
        }
        return out;
    }

    /**
     * Splits {@code total} seeds (1..total) into {@code parts} contiguous ranges whose sizes differ
     * by at most one; element i is {first seed, count} of part i.
     */
    static List<long[]> split(int total, int parts) {
        List<long[]> out = new ArrayList<>();
        long next = 1;
        for (int i = 0; i < parts; i++) {
            int count = total / parts + (i < total % parts ? 1 : 0);
            out.add(new long[] {next, count});
            next += count;
        }
        return out;
    }

    Path trace(long seed) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve("seed-" + seed + ".ndjson");
    }

    Path dir() {
        return dir;
    }

    /**
     * Writes the report of {@code seed}'s trace beside the others of this variant, named like the
     * trace plus {@code suffix} (so a run failed by the Java invariants and by TLC keeps both), with
     * {@code result} (null: the Java invariants' verdict, replayed again); null when no reports are
     * asked for.
     */
    FailureReport report(long seed, String suffix, ValidationReport result) {
        if (reportDir == null) {
            return null;
        }
        Path trace = trace(seed);
        Path html = FailureReport.besideName(reportDir, trace, suffix);
        return result == null ? FailureReport.javaFailure(trace, html) : FailureReport.write(trace, result, html);
    }

    /** The trace spec this variant's traces are validated through (null: Java invariants only). */
    Path traceSpec() {
        return variant.traceSpecPath(pairing);
    }

    Scenario scenario(long seed) {
        return runner.scenario(seed);
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // A leftover trace in the run folder is harmless.
        }
    }

    List<Long> allSeeds() {
        List<Long> out = new ArrayList<>();
        for (long s = firstSeed; s < firstSeed + seeds; s++) {
            out.add(s);
        }
        return out;
    }

    /** Units of gate work ({@link GateCheck#work()}): one per seed, e.g. {@code raft[snapshots] chaos seed 7}. */
    List<String> work(String what, List<Long> of) {
        String prefix = pairing.folder().getFileName() + variant.suffix().strip() + " " + what + " seed ";
        return of.stream().map(s -> prefix + s).toList();
    }

    /** Records what the Java invariants said about {@code seed}'s run. */
    void record(long seed, RunCheck r) {
        results.put(seed, r);
    }

    /**
     * Checks the client history of {@code seed}'s trace when the pairing declares
     * {@code linearizability} (while the trace is still there: traces of passing runs are
     * deleted); true when it was checked and failed, so the trace must be kept.
     */
    boolean checkHistory(long seed) {
        LinearizabilitySettings lin = pairing.linearizability();
        Path trace = trace(seed);
        if (lin == null || !Files.isRegularFile(trace)) {
            return false;
        }
        HistoryCheck h = HistoryCheck.of(trace, lin);
        histories.put(seed, h);
        return !h.passed();
    }

    /** What the linearizability check said about {@code seed}'s run, or null when it was not checked. */
    HistoryCheck history(long seed) {
        return histories.get(seed);
    }

    /** What the Java invariants said about {@code seed}'s run, or null when it has not run. */
    RunCheck result(long seed) {
        return results.get(seed);
    }

    /** Every recorded run, by seed. */
    List<RunCheck> results() {
        List<RunCheck> out = new ArrayList<>();
        for (long s : allSeeds()) {
            RunCheck r = results.get(s);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }
}
