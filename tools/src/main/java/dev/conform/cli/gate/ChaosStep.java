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

/**
 * For a folder with a gate.json: one check running its chaos seeds under the Java invariants,
 * then one check per trace sampled for TLC validation through the folder's trace spec.
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
        Options options = Options.of(p.options());
        if (settings.flaw() != null) {
            options = options.withFlaw(settings.flaw());
        }
        InvariantSet<?> invariants = InvariantRegistry.find(algorithm.name()).orElse(null);
        ChaosRunner runner = new ChaosRunner(algorithm, invariants, p.steps(), p.horizon(), intensity, options);
        int seeds = settings.seedsFor(p);
        int samples = p.traceSpec() == null ? 0 : settings.samplesFor(p);
        ChaosBatch batch = new ChaosBatch(p, algorithm, invariants, runner, seeds, samples,
                settings.runDir().resolve(specFolder.getFileName().toString()));
        List<GateCheck> checks = new ArrayList<>();
        if (seeds > 0) {
            checks.add(new ChaosCheck(batch, settings, progress));
        }
        for (long seed : batch.sampleSeeds) {
            checks.add(new TlcSampleCheck(batch, seed, settings));
        }
        return checks;
    }

    static Algorithm<?> algorithm(GatePairing p) {
        try {
            return Algorithms.byName(p.algorithm());
        } catch (IllegalArgumentException e) {
            throw new UserError(p.folder().resolve(GatePairing.FILE) + ": " + e.getMessage());
        }
    }
}
