package dev.conform.runtime.shrink;

import dev.conform.runtime.nemesis.FaultPlans;
import dev.conform.runtime.sim.Scenario;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The outcome of shrinking.
 *
 * @param original the failing scenario given
 * @param minimal  the smallest failing scenario found
 * @param runs     how many runs the search took
 */
public record ShrinkResult(Scenario original, Scenario minimal, int runs) {
    /**
     * Writes the minimal plan as JSON to {@code planFile} and returns the command that replays the
     * minimal case, e.g. {@code conform run broadcast --seed 7 --plan min.json --steps 120 ...}.
     */
    public String writeReplay(Path planFile) throws IOException {
        FaultPlans.write(minimal.plan(), planFile);
        return minimal.replayCommand(planFile);
    }
}
