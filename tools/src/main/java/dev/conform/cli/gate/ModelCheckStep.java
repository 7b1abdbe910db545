package dev.conform.cli.gate;

import dev.conform.checker.tlc.ModelPair;
import dev.conform.checker.tlc.TlcRequest;
import dev.conform.checker.tlc.TlcResult;
import dev.conform.checker.tlc.TlcRunner;
import dev.conform.cli.ExitCodes;
import dev.conform.cli.VerdictExit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Model-checks every MC*.tla/MC*.cfg pair of a spec folder with TLC. */
public final class ModelCheckStep implements GateStep {
    private final TlcRunner runner = new TlcRunner();
    private final int workers;
    private final Duration timeout;
    private final List<Path> libraries;
    private final Path tla2tools;

    public ModelCheckStep(int workers, Duration timeout, List<Path> libraries, Path tla2tools) {
        this.workers = workers;
        this.timeout = timeout;
        this.libraries = List.copyOf(libraries);
        this.tla2tools = tla2tools;
    }

    @Override
    public List<GateCheck> checks(Path specFolder) {
        List<ModelPair> pairs = ModelPair.inFolder(specFolder);
        if (pairs.isEmpty()) {
            return List.of();
        }
        Expectations expectations = Expectations.read(specFolder);
        List<GateCheck> checks = new ArrayList<>();
        for (ModelPair pair : pairs) {
            checks.add(new Check(specFolder.getFileName().toString(), pair,
                    expectations.forConfig(pair.config().getFileName().toString())));
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
            TlcRequest.Builder req = TlcRequest.builder(pair.spec()).config(pair.config()).workers(workers)
                    .timeout(timeout).tla2toolsJar(tla2tools);
            libraries.stream().filter(Files::isDirectory).forEach(req::libraryPath);
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
