package dev.conform.cli.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conform.checker.mbt.MbtException;
import dev.conform.checker.tlc.TlcRunner;
import dev.conform.cli.ExitCodes;
import dev.conform.cli.UserError;
import dev.conform.cli.VerdictExit;
import dev.conform.cli.mbt.Mbt;
import dev.conform.cli.mbt.MbtModel;
import dev.conform.cli.mbt.MbtModels;
import dev.conform.cli.mbt.MbtResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate's model-based test ({@code conform mbt}) of each spec folder with an {@code mbt.json}:
 * <pre>{"algorithm": "twopc", "configs": ["MbtTwoPhase.cfg", "MbtTwoPhase3.cfg"], "depth": 40, "seed": 1,
 *  "behaviours": {"quick": 20, "default": 200, "soak": 5000}}</pre>
 * One check per config ({@code "configs"} absent: the model's default config).
 * With a teaching flaw ({@code gate --flaw}) the implementation runs with it, and a mismatch is the
 * flaw caught.
 */
public final class MbtGateStep implements GateStep {
    public static final String FILE = "mbt.json";
    private final GateSettings settings;

    public MbtGateStep(GateSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<GateCheck> checks(Path specFolder) {
        Path file = specFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode root = JsonObjectFile.read(file, "a JSON object {algorithm, depth, seed, behaviours}");
        String algorithm = root.path("algorithm").asText("");
        MbtModel<?> model = MbtModels.find(algorithm).orElseThrow(() -> new UserError(file + ": no model-based test for "
                + "algorithm '" + algorithm + "'; known: " + String.join(", ", MbtModels.names())));
        int depth = positive(file, root, "depth");
        long seed = root.path("seed").asLong(1);
        JsonNode b = root.path("behaviours").path(settings.budget().key());
        if (!b.isIntegralNumber() || b.asInt() < 1) {
            throw new UserError(file + ": \"behaviours\"." + settings.budget().key() + " must be a positive integer");
        }
        List<String> configs = new ArrayList<>();
        root.path("configs").forEach(c -> configs.add(c.asText()));
        if (configs.isEmpty()) {
            configs.add(model.config());
        }
        List<GateCheck> checks = new ArrayList<>();
        for (String cfg : configs) {
            if (!Files.isRegularFile(specFolder.resolve(cfg))) {
                throw new UserError(file + ": config " + cfg + " not found in " + specFolder);
            }
            checks.add(new Check(specFolder.getFileName().toString(), new Mbt(model, specFolder, cfg), b.asInt(), depth,
                    seed));
        }
        return checks;
    }

    private static int positive(Path file, JsonNode root, String field) {
        JsonNode n = root.path(field);
        if (!n.isIntegralNumber() || n.asInt() < 2) {
            throw new UserError(file + ": \"" + field + "\" must be an integer of at least 2");
        }
        return n.asInt();
    }

    private final class Check implements GateCheck {
        private final String suite;
        private final Mbt mbt;
        private final int behaviours;
        private final int depth;
        private final long seed;

        Check(String suite, Mbt mbt, int behaviours, int depth, long seed) {
            this.suite = suite;
            this.mbt = mbt;
            this.behaviours = behaviours;
            this.depth = depth;
            this.seed = seed;
        }

        @Override
        public String suite() {
            return suite;
        }

        @Override
        public String name() {
            return "mbt " + mbt.model().module() + " " + mbt.config();
        }

        @Override
        public GateOutcome run() {
            long start = System.nanoTime();
            List<String> flaws = settings.flaw() == null ? List.of() : List.of(settings.flaw());
            MbtResult r;
            try {
                r = mbt.run(new TlcRunner(), behaviours, depth, seed, flaws, settings.timeout(), settings.tla2tools());
            } catch (MbtException e) {
                return outcome(start, false, "ERROR", ExitCodes.BAD_INPUT, e.getMessage(), 0, List.of());
            }
            if (!r.tlc().isOk()) {
                return outcome(start, false, "TLC " + r.tlc().verdict(), VerdictExit.of(r.tlc().verdict()),
                        r.tlc().message(), 0, List.of());
            }
            String covered = "spec actions covered " + r.covered().size() + "/" + r.actions().size()
                    + (r.uncovered().isEmpty() ? "" : " (not: " + String.join(", ", r.uncovered()) + ")");
            if (r.mismatch() == null) {
                return outcome(start, true, "OK", 0, r.behaviours() + " behaviours, " + r.steps() + " steps; " + covered,
                        r.behaviours(), List.of());
            }
            List<String> replay = new ArrayList<>(List.of("conform mbt " + mbt.model().name() + " --behaviours "
                    + r.mismatchBehaviour() + " --depth " + depth + " --seed " + seed + " --config " + mbt.config()
                    + (settings.flaw() == null ? "" : " --flaw " + settings.flaw())));
            return outcome(start, false, "MISMATCH", ExitCodes.VIOLATION, "behaviour " + r.mismatchBehaviour() + ", step "
                    + r.mismatch().step() + ": the spec took " + r.mismatch().specStep() + "; " + r.mismatch().problem(),
                    r.behaviours(), replay);
        }

        private GateOutcome outcome(long start, boolean passed, String verdict, int exit, String detail, long runs,
                List<String> replay) {
            return new GateOutcome(suite, null, name(), passed, verdict, passed ? 0 : exit, null, null,
                    Duration.ofNanos(System.nanoTime() - start), detail, runs, 0, 0, replay);
        }
    }
}
