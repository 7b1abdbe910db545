package dev.conform.cli.gate;

import dev.conform.checker.tlc.ModelPair;
import dev.conform.checker.tlc.TlcRequest;
import dev.conform.checker.tlc.TlcResult;
import dev.conform.checker.tlc.TlcRunner;
import dev.conform.cli.ExitCodes;
import dev.conform.cli.VerdictExit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Model-checks every MC*.tla/MC*.cfg pair of a spec folder with TLC. */
public final class ModelCheckStep implements GateStep {
    private final TlcRunner runner = new TlcRunner();
    private final GateSettings settings;

    /**
     * Checks with the settings' workers, timeout, libraries and TLC jar. With a teaching flaw
     * ({@link GateSettings#flaw()}) folders with a gate.json check only the config their
     * {@code flawConfigs} maps it to (nothing when unmapped), and its violation is reported as
     * caught, not as expected.
     */
    public ModelCheckStep(GateSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<GateCheck> checks(Path specFolder) {
        List<ModelPair> pairs = ModelPair.inFolder(specFolder);
        GatePairing pairing = GatePairing.read(specFolder);
        if (pairing != null) {
            // gate.json lists the configs the gate runs; the others are for manual runs.
            String flaw = settings.flaw();
            List<String> wanted = flaw == null ? pairing.modelCheck()
                    : pairing.flawConfigs().containsKey(flaw) ? List.of(pairing.flawConfigs().get(flaw)) : List.of();
            for (String w : wanted) {
                if (pairs.stream().noneMatch(p -> p.config().getFileName().toString().equals(w))) {
                    throw new dev.conform.cli.UserError(specFolder.resolve(GatePairing.FILE) + ": " + w
                            + " has no MC*.tla to pair with in " + specFolder);
                }
            }
            pairs = pairs.stream().filter(p -> wanted.contains(p.config().getFileName().toString())).toList();
        }
        if (pairs.isEmpty()) {
            return List.of();
        }
        Expectations expectations = Expectations.read(specFolder);
        List<GateCheck> checks = new ArrayList<>();
        for (ModelPair pair : pairs) {
            // With a flaw on, its config's violation is what the gate is after: no expectation.
            checks.add(new Check(specFolder.getFileName().toString(), pair,
                    settings.flaw() != null ? null : expectations.forConfig(pair.config().getFileName().toString())));
        }
        return checks;
    }

    private final class Check implements GateCheck {
        private final String suite;
        private final ModelPair pair;
        private final Expectations.Expected expected;

        Check(String suite, ModelPair pair, Expectations.Expected expected) {
            this.suite = suite;
            this.pair = pair;
            this.expected = expected;
        }

        @Override
        public String suite() {
            return suite;
        }

        @Override
        public String name() {
            return pair.displayName();
        }

        @Override
        public GateOutcome run() {
            TlcRequest.Builder req = TlcRequest.builder(pair.spec()).config(pair.config()).workers(settings.workers())
                    .timeout(settings.timeout()).tla2toolsJar(settings.tla2tools());
            settings.libraries().stream().filter(Files::isDirectory).forEach(req::libraryPath);
            TlcResult r = runner.run(req.build());
            String verdict = r.verdict() + (r.violatedName() == null ? "" : " (" + r.violatedName() + ")");
            boolean passed;
            String detail;
            if (expected == null) {
                passed = r.isOk();
                detail = passed ? null : (r.location() == null ? "" : r.location() + ": ") + r.message();
            } else {
                passed = r.verdict() == expected.verdict()
                        && (expected.name() == null || Objects.equals(expected.name(), r.violatedName()));
                String want = expected.verdict() + (expected.name() == null ? "" : " (" + expected.name() + ")");
                detail = passed ? "expected " + want : "expected " + want + ", got " + verdict
                        + (r.message() == null ? "" : ": " + r.message());
            }
            // An unexpected OK breaks a demonstration of a failure: it counts as a violation.
            int exit = passed ? 0 : r.isOk() ? ExitCodes.VIOLATION : VerdictExit.of(r.verdict());
            return new GateOutcome(suite, name(), passed, verdict, exit, r.statistics().distinctStates(),
                    r.statistics().depth(), r.duration(), detail);
        }
    }
}
