package dev.conform.cli.mbt;

import dev.conform.checker.mbt.SpecBehaviours;
import dev.conform.checker.tlc.TlcRunner;
import dev.conform.checker.value.TlaValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A model-based test: TLC draws behaviours from the algorithm's spec ({@link SpecBehaviours}) and
 * each is replayed into the implementation ({@link MbtReplay}), stopping at the first mismatch.
 */
public final class Mbt {
    private final MbtModel<?> model;
    private final Path specFolder;
    private final String config;

    /** Behaviours of {@code model}'s module under {@code config} (null: the model's default), in {@code specFolder}. */
    public Mbt(MbtModel<?> model, Path specFolder, String config) {
        this.model = model;
        this.specFolder = specFolder;
        this.config = config == null ? model.config() : config;
    }

    /**
     * Draws {@code count} behaviours of at most {@code depth} states with {@code seed} and replays
     * them, with the implementation's teaching {@code flaws} switched on (TLC: {@code tla2tools},
     * null for the default jar).
     */
    public MbtResult run(TlcRunner runner, int count, int depth, long seed, List<String> flaws, Duration timeout,
            Path tla2tools) {
        SpecBehaviours.Result r = SpecBehaviours.simulate(runner, specFolder.resolve(model.module()),
                specFolder.resolve(config), count, depth, seed, timeout, tla2tools);
        TreeSet<String> covered = new TreeSet<>();
        int n = 0;
        long steps = 0;
        for (List<Map<String, TlaValue>> b : r.behaviours()) {
            n++;
            Mismatch m = new MbtReplay<>(model, b, flaws).run(covered);
            if (m != null) {
                return new MbtResult(r.tlc(), n, steps + m.step() - 1, covered, model.actions(), m, n);
            }
            steps += b.size() - 1;
        }
        return new MbtResult(r.tlc(), n, steps, covered, model.actions(), null, 0);
    }

    public MbtModel<?> model() {
        return model;
    }

    public String config() {
        return config;
    }
}
