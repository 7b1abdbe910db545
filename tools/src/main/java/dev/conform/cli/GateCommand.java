package dev.conform.cli;

import dev.conform.checker.tlc.TlcInputException;
import dev.conform.cli.gate.Budget;
import dev.conform.cli.gate.ChaosStep;
import dev.conform.cli.gate.Gate;
import dev.conform.cli.gate.GateCheck;
import dev.conform.cli.gate.GateShard;
import dev.conform.cli.gate.GateSummary;
import dev.conform.cli.gate.GateOutcome;
import dev.conform.cli.gate.GatePairing;
import dev.conform.cli.gate.GateProgress;
import dev.conform.cli.gate.GateSettings;
import dev.conform.cli.gate.GateStep;
import dev.conform.cli.gate.MbtGateStep;
import dev.conform.cli.gate.ModelCheckStep;
import dev.conform.cli.gate.GateReportPage;
import dev.conform.cli.options.OptionDefaults;
import dev.conform.cli.options.ReportOption;
import dev.conform.cli.options.TimeoutOption;
import dev.conform.cli.options.Tla2toolsOption;
import dev.conform.cli.options.WorkersOption;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Algorithms;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code conform gate}: for every algorithm pairing (specs/&lt;algo&gt;/gate.json) model-check its
 * configs, run its seeded chaos runs (split over its variants) under the Java invariants (and
 * check their client histories for linearizability when it declares so), judge their coverage,
 * and validate their traces with TLC (the budget's share, all by default); folders without
 * gate.json are model-checked only. One table, JUnit XML, and a non-zero exit on any failure.
 */
@Command(name = "gate",
        mixinStandardHelpOptions = true,
        description = {
            "The conformance gate. For each specs/<algo>/gate.json: model-check its configs with TLC (expected "
                    + "violations from expected.json pass), run its seeded chaos runs in the simulator, the seeds "
                    + "split over the pairing's variants, with every trace checked by the Java invariants (and its "
                    + "client history for linearizability when gate.json declares \"linearizability\"), check "
                    + "coverage over all runs, and validate the traces with TLC through the trace spec, many per "
                    + "TLC run, a verdict per trace (gate.json's tlcSample of them; all in the default budget). "
                    + "Folders without gate.json are model-checked (every MC*.tla/MC*.cfg pair).",
            "specs/ is found under $CONFORM_HOME, else the current folder.",
            "--timeout limits each check: a model check, a chaos batch, and each TLC run of a trace batch."},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  every check passed (of this shard, under --shard)",
            "  1  a violation, a node whose handler threw, a trace TLC rejects, a client history that is not "
                    + "linearizable, a reachability property no run reached (or a teaching flaw caught, or an "
                    + "expected violation that did not happen)",
            "  2  bad input (no spec folders, a bad gate.json or expected.json, a spec that does not parse)",
            "  3  tool failure, timeout, a linearizability check out of budget, or nothing to check with "
                    + "(never a pass)"},
        defaultValueProvider = OptionDefaults.Provider.class)
public final class GateCommand implements Callable<Integer>, OptionDefaults {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--specs", paramLabel = "DIR", description = "The specs folder (default: $CONFORM_HOME/specs or ./specs).")
    Path specsDir;

    @Option(names = "--junit", paramLabel = "DIR", description = "Write JUnit XML reports (one testcase per check) to DIR, and the run's summary "
            + "(conform-gate-summary.json) that gate-merge reads.")
    Path junitDir;

    @Option(names = "--quick", description = "The quick budget of every gate.json (a couple of minutes).")
    boolean quick;

    @Option(names = "--soak", description = "The soak budget of every gate.json (long).")
    boolean soak;

    @Option(names = "--algorithm", paramLabel = "NAME", arity = "1..*",
            description = "Only these algorithms (gate.json \"algorithm\" or folder name).")
    List<String> algorithms = new ArrayList<>();

    @Option(names = "--flaw", paramLabel = "NAME",
            description = "Switch on a teaching flaw of the --algorithm: its chaos runs and TLC samples run with it, "
                    + "and its flaw config (gate.json flawConfigs) is model-checked. Exit 1 means it was caught.")
    String flaw;

    @Option(names = "--seeds", paramLabel = "N", description = "Chaos runs per algorithm instead of the budget's.")
    Integer seeds;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run the K-th of N deterministic shares of the gate's work (model checks round robin, each "
                    + "variant's chaos seeds in N parts), for a CI matrix of N jobs; `conform gate-merge` judges "
                    + "their --junit folders as one gate.")
    String shard;

    @Mixin
    dev.conform.cli.options.ProgressOption progressOption;

    @Mixin
    WorkersOption workers;

    /** A limit per check: each model check, each chaos batch, each TLC run of a trace batch. */
    @Mixin
    TimeoutOption timeout;

    @Option(names = "--runs", paramLabel = "DIR",
            description = "Where chaos traces go (default: a new temporary folder, removed when everything passed).")
    Path runsDir;

    @Mixin
    Tla2toolsOption tla2tools;

    /** Reports of failing runs under DIR, laid out like --runs, and DIR/index.html over all checks. */
    @Mixin
    ReportOption report;

    /** Ten minutes per check: the default budget must finish within ten minutes on two cores. */
    @Override
    public Map<String, String> optionDefaults() {
        return Map.of("--timeout", "10m");
    }

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        int threads = workers.workers();
        if (quick && soak) {
            throw new UserError("--quick and --soak exclude each other");
        }
        if (seeds != null && seeds < 0) {
            throw new UserError("--seeds must not be negative, got " + seeds);
        }
        if (flaw != null && algorithms.isEmpty()) {
            throw new UserError("--flaw needs --algorithm (a flaw belongs to one algorithm)");
        }
        Path specs = specsDir != null ? specsDir : home().resolve("specs");
        if (!Files.isDirectory(specs)) {
            throw new UserError(specs.toAbsolutePath() + ": no specs folder (set CONFORM_HOME or use --specs)");
        }
        checkSelection(specs);
        boolean tempRuns = runsDir == null;
        Path runs = tempRuns ? Files.createTempDirectory("conform-gate-") : runsDir;
        Budget budget = quick ? Budget.QUICK : soak ? Budget.SOAK : Budget.DEFAULT;
        // specs/lib holds shared TLA+ modules (trace validation library) every spec may extend.
        List<Path> libs = Files.isDirectory(specs.resolve("lib")) ? List.of(specs.resolve("lib")) : List.of();
        GateShard share = shard == null ? GateShard.ALL : GateShard.parse(shard);
        GateSettings settings = new GateSettings(specs, budget, seeds, threads, timeout.timeout(), flaw, runs, libs,
                tla2tools.jar(), report.dir(), share);
        // The gate's status line: redrawn on a terminal, else repeated every 10 s (--progress).
        LatestLine latest = new LatestLine();
        GateProgress progress = progressOption.live() ? GateProgress.terminal(System.err) : latest;
        Gate gate = new Gate(steps(settings, progress), threads, progress, share);
        List<GateCheck> plan;
        List<String> wholeWork;
        List<GateOutcome> outcomes;
        try (Heartbeat beat = Heartbeat.start(progressOption, System.err, "gate", latest)) {
            plan = gate.plan(specs, selected());
            wholeWork = Gate.work(share.isAll() ? plan
                    : new Gate(steps(settings.withShard(GateShard.ALL), progress)).plan(specs, selected()));
            if (wholeWork.isEmpty() && plan.isEmpty()) {
                throw new UserError(specs.toAbsolutePath() + ": nothing to check (no gate.json, no MC*.tla/MC*.cfg pair"
                        + (algorithms.isEmpty() ? "" : " for " + String.join(", ", algorithms)) + ")");
            }
            outcomes = gate.run(plan, null);
        } catch (TlcInputException e) {
            throw new UserError(e.getMessage());
        } finally {
            progress.clear();
        }
        PrintWriter out = spec.commandLine().getOut();
        Gate.printTable(out, outcomes);
        List<String> work = Gate.work(plan);
        if (!share.isAll()) {
            out.printf("shard %s: %d of the gate's %d units of work%n", share, work.size(), wholeWork.size());
        }
        int exit = Gate.exitCode(outcomes);
        if (junitDir != null) {
            Gate.writeJUnit(junitDir, outcomes);
            new GateSummary(share, GateSummary.fingerprint(wholeWork, flaw), wholeWork.size(), work.size(), exit,
                    outcomes).write(junitDir);
        }
        if (report.dir() != null) {
            Path page = GateReportPage.write(report.dir(), outcomes, exit,
                    java.time.Duration.ofNanos(System.nanoTime() - start));
            out.println("report: " + page);
        }
        if (tempRuns && (exit == 0 || !hasFiles(runs))) {
            deleteTree(runs);
        } else if (hasFiles(runs)) {
            out.println("traces: " + runs);
        }
        out.printf(Locale.ROOT, "gate %s in %.1f s%s%n", exit == 0 ? "passed" : "FAILED",
                (System.nanoTime() - start) / 1e9, flaw == null ? "" : exit == 1 ? " (flaw " + flaw + " caught)" : "");
        out.flush();
        return exit;
    }

    private static List<GateStep> steps(GateSettings settings, GateProgress progress) {
        return List.of(new ModelCheckStep(settings), new ChaosStep(settings, progress), new MbtGateStep(settings));
    }

    /** Unknown algorithm names and flaws are usage errors, before anything runs. */
    private void checkSelection(Path specs) throws IOException {
        List<String> known = new ArrayList<>();
        try (var folders = Files.list(specs)) {
            for (Path f : folders.filter(Files::isDirectory).sorted().toList()) {
                known.add(f.getFileName().toString());
                GatePairing p = GatePairing.read(f);
                if (p != null) {
                    known.add(p.algorithm());
                }
            }
        }
        for (String a : algorithms) {
            if (!known.contains(a)) {
                throw new UserError("--algorithm " + a + ": no such spec folder or gate.json algorithm in " + specs);
            }
        }
        if (flaw != null) {
            for (String a : algorithms) {
                Algorithm<?> alg;
                try {
                    alg = Algorithms.byName(a);
                } catch (IllegalArgumentException e) {
                    throw new UserError("--flaw: " + e.getMessage());
                }
                if (!alg.flaws().containsKey(flaw)) {
                    throw new UserError("unknown flaw '" + flaw + "' of " + a + "; known: "
                            + String.join(", ", alg.flaws().keySet()));
                }
            }
        }
    }

    private Predicate<Path> selected() {
        if (algorithms.isEmpty()) {
            return f -> true;
        }
        return f -> {
            if (algorithms.contains(f.getFileName().toString())) {
                return true;
            }
            GatePairing p = GatePairing.read(f);
            return p != null && algorithms.contains(p.algorithm());
        };
    }

    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var s = Files.walk(dir)) {
            return s.anyMatch(Files::isRegularFile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Path home() {
        String home = System.getenv("CONFORM_HOME");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
    }
}
