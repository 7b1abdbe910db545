package dev.conform.cli.gate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one gate run was asked to do.
 *
 * @param specsDir     the specs folder (commands printed for replay name files under it)
 * @param budget       quick, default or soak
 * @param seeds        chaos runs per algorithm instead of gate.json's (null: gate.json's)
 * @param workers      TLC workers per model check, and threads for chaos runs and TLC samples
 * @param timeout      limit per check
 * @param flaw         teaching flaw switched on in chaos runs (null: none)
 * @param runDir       where traces are written (failures are kept there)
 * @param libraries    folders of shared TLA+ modules
 * @param tla2tools    another TLC jar, or null
 */
public record GateSettings(Path specsDir, Budget budget, Integer seeds, int workers, Duration timeout, String flaw,
        Path runDir, List<Path> libraries, Path tla2tools) {

    public GateSettings {
        libraries = List.copyOf(libraries);
    }

    public int seedsFor(GatePairing p) {
        return seeds != null ? seeds : p.seeds(budget);
    }

    public int samplesFor(GatePairing p) {
        return Math.min(p.tlcSample(budget), seedsFor(p));
    }
}
