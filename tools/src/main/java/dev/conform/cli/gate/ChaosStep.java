package dev.conform.cli.gate;

import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.cli.UserError;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.Intensity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * For a folder with a gate.json: the budget's seeds split over the pairing's variants (contiguous
 * ranges); per variant one check running its seeds under the Java invariants and TLC validation
 * of its share of the traces through its trace spec; per variant one check of its runs' client
 * histories for linearizability when gate.json declares it; one coverage check over all runs.
 * Under {@code --shard K/N} each variant runs the K-th of N contiguous parts of its seeds.
 */
public final class ChaosStep implements GateStep {
    private final GateSettings settings;
    private final GateProgress progress;

    public ChaosStep(GateSettings settings, GateProgress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    @Override
    public List<GateCheck> checks(Path specFolder) {
        GatePairing p = GatePairing.read(specFolder);
        if (p == null) {
            return List.of();
        }
        Algorithm<?> algorithm = algorithm(p);
        Intensity intensity = Intensity.named(p.intensity());
        if (intensity == null) {
            throw new UserError(specFolder.resolve(GatePairing.FILE) + ": \"intensity\" must be LOW, MEDIUM or HIGH");
        }
        InvariantSet<?> invariants = InvariantRegistry.find(algorithm.name()).orElse(null);
        int seeds = settings.seedsFor(p);
        List<GateVariant> variants = p.variants();
        Set<Long> tlcSeeds = ChaosBatch.spread(1, seeds, settings.tlcTracesFor(p));
        List<long[]> ranges = ChaosBatch.split(seeds, variants.size());
        String suite = specFolder.getFileName().toString();
        List<ChaosBatch> batches = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            GateVariant v = variants.get(i);
            Options options = Options.of(v.options(p));
            if (settings.flaw() != null) {
                options = options.withFlaw(settings.flaw());
            }
            checkOptions(p, v, algorithm, options);
            ChaosRunner runner = new ChaosRunner(algorithm, invariants, p.steps(), p.horizon(), intensity, options,
                    p.progress());
            Path sub = Path.of(suite).resolve(v.name() == null ? "" : v.name().replace('/', '-'));
            long[] range = settings.shard().slice(ranges.get(i)[0], (int) ranges.get(i)[1]);
            batches.add(new ChaosBatch(p, v, algorithm, invariants, runner, range[0], (int) range[1],
                    v.traceSpecPath(p) == null ? Set.of() : tlcSeeds, settings.runDir().resolve(sub),
                    settings.reportDir() == null ? null : settings.reportDir().resolve(sub)));
        }
        List<GateCheck> checks = new ArrayList<>();
        for (ChaosBatch b : batches) {
            if (b.seeds > 0) {
                checks.add(new ChaosCheck(b, settings, progress));
            }
        }
        if (p.linearizability() != null) {
            for (ChaosBatch b : batches) {
                if (b.seeds > 0) {
                    checks.add(new LinearizabilityCheck(b, settings));
                }
            }
        }
        if (batches.stream().anyMatch(b -> b.seeds > 0) && invariants != null) {
            checks.add(new CoverageCheck(suite, batches, settings.shard()));
        }
        int chunks = Math.max(1, (settings.workers() + variants.size() - 1) / variants.size());
        for (ChaosBatch b : batches) {
            for (List<Long> chunk : chunks(new ArrayList<>(b.tlcSeeds), chunks)) {
                checks.add(new TraceValidationCheck(b, chunk, settings));
            }
        }
        return checks;
    }

    /**
     * {@code seeds} in at most {@code parts} contiguous chunks (so that the chunks of a pairing
     * with fewer variants than threads still keep every thread busy).
     */
    static List<List<Long>> chunks(List<Long> seeds, int parts) {
        List<List<Long>> out = new ArrayList<>();
        int n = Math.min(parts, seeds.size());
        int at = 0;
        for (int i = 0; i < n; i++) {
            int size = seeds.size() / n + (i < seeds.size() % n ? 1 : 0);
            out.add(seeds.subList(at, at + size));
            at += size;
        }
        return out;
    }

    /** Options the algorithm cannot build a node with are bad input in gate.json, before anything runs. */
    private static void checkOptions(GatePairing p, GateVariant v, Algorithm<?> algorithm, Options options) {
        List<Integer> servers = new ArrayList<>();
        for (int i = 1; i <= algorithm.defaultServers(options); i++) {
            servers.add(i);
        }
        try {
            // resolved as a run resolves them (any seed): an algorithm may build nodes only from resolved options
            Options resolved = algorithm.resolveOptions(options, 0);
            algorithm.create(1, servers, null, resolved);
            if (algorithm.clients(resolved) > 0) {
                algorithm.createClient(101, servers, resolved);
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(p.folder().resolve(GatePairing.FILE) + ": "
                    + (v.name() == null ? "" : "variant \"" + v.name() + "\": ") + e.getMessage());
        }
    }

    static Algorithm<?> algorithm(GatePairing p) {
        try {
            return Algorithms.byName(p.algorithm());
        } catch (IllegalArgumentException e) {
            throw new UserError(p.folder().resolve(GatePairing.FILE) + ": " + e.getMessage());
        }
    }
}
