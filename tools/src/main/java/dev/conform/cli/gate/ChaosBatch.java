package dev.conform.cli.gate;

import dev.conform.checker.invariants.InvariantSet;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.sim.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The chaos runs of one pairing: seeds 1..N, their traces in a folder of the gate's run folder.
 * Traces of passing runs are deleted, except the ones sampled for TLC (deleted once TLC passed
 * them); traces of failures are kept with their plans for replay.
 */
final class ChaosBatch {
    final GatePairing pairing;
    final Algorithm<?> algorithm;
    final InvariantSet<?> invariants;
    final ChaosRunner runner;
    final int seeds;
    final Set<Long> sampleSeeds;
    private final Path dir;

    ChaosBatch(GatePairing pairing, Algorithm<?> algorithm, InvariantSet<?> invariants, ChaosRunner runner,
            int seeds, int samples, Path dir) {
        this.pairing = pairing;
        this.algorithm = algorithm;
        this.invariants = invariants;
        this.runner = runner;
        this.seeds = seeds;
        this.sampleSeeds = spread(seeds, samples);
        this.dir = dir;
    }

    /** {@code k} seeds spread evenly over 1..n (stable: the same n and k give the same seeds). */
    static Set<Long> spread(int n, int k) {
        Set<Long> out = new TreeSet<>();
        for (int i = 0; i < k && i < n; i++) {
            out.add(1 + (long) i * n / k);
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

    /**
     * The trace of a sampled seed: the file the chaos batch left, or a fresh run of the same
     * scenario (the simulator is deterministic) when the batch did not run it.
     */
    synchronized RunCheck sampleTrace(long seed) {
        Path t = trace(seed);
        if (Files.isRegularFile(t)) {
            return null;
        }
        return runner.simulateToFile(scenario(seed), t);
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
        for (long s = 1; s <= seeds; s++) {
            out.add(s);
        }
        return out;
    }
}
