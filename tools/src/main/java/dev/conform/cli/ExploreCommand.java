package dev.conform.cli;

import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.cli.gate.ChaosRunner;
import dev.conform.cli.gate.GatePairing;
import dev.conform.cli.gate.GateProgress;
import dev.conform.cli.gate.GateVariant;
import dev.conform.cli.gate.RunCheck;
import dev.conform.cli.options.AlgorithmOptions;
import dev.conform.cli.options.FlawsOption;
import dev.conform.cli.options.ReportOption;
import dev.conform.cli.options.WorkersOption;
import dev.conform.cli.report.FailureReport;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.shrink.ShrinkResult;
import dev.conform.runtime.shrink.Shrinker;
import dev.conform.runtime.sim.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code conform explore}: chaos search over random fault plans; the first failure is shrunk to a minimal replay. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Run an algorithm under random fault plans (one per seed) with every trace checked by its "
                + "Java invariants. The first failing seed is shrunk (fault events, then steps) to a minimal run "
                + "whose plan and trace are written to --out, and its replay command is printed.",
            "Steps, intensity and options default to the algorithm's specs/<algo>/gate.json when there is one "
                    + "(options: the pairing's with those of its first variant, or of --variant, laid over them)."},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  no seed failed",
            "  1  a failure was found (and shrunk)",
            "  2  bad input or usage",
            "  3  tool failure, or no Java invariants to check the algorithm with"})
final class ExploreCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ALGORITHM", description = "algorithm name (conform run --list shows them)")
    String algorithm;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "100", description = "seeds to try (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--first-seed", paramLabel = "S", defaultValue = "1", description = "first seed (default ${DEFAULT-VALUE})")
    long firstSeed;

    @Option(names = "--steps", paramLabel = "N", description = "step budget per run (default: gate.json's, else 4000)")
    Long steps;

    @Option(names = "--intensity", paramLabel = "LOW|MEDIUM|HIGH", description = "fault plan intensity (default: gate.json's, else MEDIUM)")
    String intensity;

    @Option(names = "--horizon", paramLabel = "T", description = "time span of the fault plans in ticks (default: gate.json's, else 500)")
    Long horizon;

    @Option(names = "--variant", paramLabel = "NAME",
            description = "the gate.json variant whose options to run with (default: its first)")
    String variant;

    @Mixin
    FlawsOption flaws;

    /** Each overrides the gate.json option of the same key. */
    @Mixin
    AlgorithmOptions options;

    @Mixin
    WorkersOption workers;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".conform/explore",
            description = "where the minimal plan and trace go (default ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() throws IOException {
        Algorithm<?> a;
        try {
            a = Algorithms.byName(algorithm);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (seeds < 1) {
            throw new UserError("--seeds must be at least 1, got " + seeds);
        }
        GatePairing pairing = pairing(a.name());
        if (variant != null && pairing == null) {
            throw new UserError("--variant " + variant + ": " + a.name() + " has no gate.json");
        }
        Map<String, String> opts = new LinkedHashMap<>(pairing == null ? Map.of() : variantOptions(pairing));
        opts.putAll(options.options());
        Options o = AlgorithmOptions.checked(a, opts);
        for (String f : flaws.flaws()) {
            if (!a.flaws().containsKey(f)) {
                throw new UserError("unknown flaw '" + f + "' of " + a.name() + "; known: " + String.join(", ", a.flaws().keySet()));
            }
            o = o.withFlaw(f);
        }
        String kName = intensity != null ? intensity : pairing != null ? pairing.intensity() : "MEDIUM";
        Intensity k = Intensity.named(kName);
        if (k == null) {
            throw new UserError("--intensity must be LOW, MEDIUM or HIGH, got '" + kName + "'");
        }
        long budget = steps != null ? steps : pairing != null ? pairing.steps() : 4000;
        long span = horizon != null ? horizon : pairing != null ? pairing.horizon() : 500;
        if (budget < 1 || span < 1) {
            throw new UserError("--steps and --horizon must be positive");
        }
        PrintWriter w = spec.commandLine().getOut();
        InvariantSet<?> set = InvariantRegistry.find(a.name()).orElse(null);
        if (set == null) {
            spec.commandLine().getErr().println("conform: no Java invariants are registered for algorithm '" + a.name()
                    + "': nothing to check its runs with");
            return ExitCodes.TOOL_FAILURE;
        }
        ChaosRunner runner = new ChaosRunner(a, set, budget, span, k, o);
        GateProgress progress = Terminal.interactive() ? GateProgress.terminal(System.err) : GateProgress.none();
        RunCheck failure;
        long events;
        try {
            long[] counted = new long[1];
            failure = search(runner, progress, counted);
            events = counted[0];
        } finally {
            progress.clear();
        }
        if (failure == null) {
            w.printf("explore %s: %d seeds (%d..%d), no failure; %,d events checked%n", a.name(), seeds, firstSeed,
                    firstSeed + seeds - 1, events);
            return ExitCodes.OK;
        }
        if (failure.kind() == RunCheck.Kind.ERROR) {
            spec.commandLine().getErr().println("conform: seed " + failure.scenario().config().seed() + ": " + failure.message());
            return ExitCodes.TOOL_FAILURE;
        }
        return shrinkAndReport(runner, failure, progress, w);
    }

    /** The lowest failing seed (runs go in parallel, but the answer does not depend on thread timing). */
    private RunCheck search(ChaosRunner runner, GateProgress progress, long[] events) {
        int threads = workers.workers();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (long base = firstSeed; base < firstSeed + seeds; base += 4L * threads) {
                List<Future<RunCheck>> batch = new ArrayList<>();
                for (long s = base; s < Math.min(base + 4L * threads, firstSeed + seeds); s++) {
                    long seed = s;
                    batch.add(pool.submit(() -> runner.runInMemory(runner.scenario(seed))));
                }
                for (Future<RunCheck> f : batch) {
                    RunCheck r = get(f);
                    events[0] += r.events();
                    if (!r.passed()) {
                        return r;
                    }
                }
                progress.show(String.format("  explore %s: %d/%d seeds, no failure yet", algorithm,
                        Math.min(base + 4L * threads, firstSeed + seeds) - firstSeed, seeds));
            }
            return null;
        } finally {
            pool.shutdownNow();
        }
    }

    private int shrinkAndReport(ChaosRunner runner, RunCheck failure, GateProgress progress, PrintWriter w)
            throws IOException {
        Scenario original = failure.scenario();
        long seed = original.config().seed();
        w.printf("explore %s: seed %d fails: %s%n", algorithm, seed, failure.message());
        String invariant = failedInvariant(failure);
        progress.show("  shrinking seed " + seed + " ...");
        // The same invariant must keep failing, so shrinking does not drift to another bug.
        Shrinker shrinker = new Shrinker(s -> {
            RunCheck r = runner.runInMemory(s);
            return r.violation() && r.kind() == failure.kind() && invariant.equals(failedInvariant(r));
        });
        ShrinkResult shrunk = shrinker.shrink(original);
        progress.clear();
        Files.createDirectories(out);
        String stem = algorithm + "-seed" + seed + "-min";
        Path plan = out.resolve(stem + ".plan.json");
        Path trace = out.resolve(stem + ".ndjson");
        String replay = shrunk.writeReplay(plan) + " --out " + trace;
        RunCheck minimal = runner.runToFile(shrunk.minimal(), trace);
        w.printf("shrunk in %d runs: %d -> %d fault events, %d -> %d steps%n", shrunk.runs(),
                original.plan().events().size(), shrunk.minimal().plan().events().size(),
                original.config().maxSteps(), shrunk.minimal().config().maxSteps());
        w.println("minimal: " + (minimal.message() == null ? "(no longer fails when written to a file)" : minimal.message()));
        w.println("plan:    " + plan);
        w.println("replay:  " + replay);
        w.println("check:   conform validate --java-only --trace " + trace);
        if (report.dir() != null) {
            w.println("report:  " + FailureReport.javaFailure(trace, FailureReport.besideName(report.dir(), trace, "")));
        }
        return ExitCodes.VIOLATION;
    }

    /** The invariant a failure names (its message starts with it), or the crash marker. */
    private static String failedInvariant(RunCheck r) {
        if (r.message() == null || r.kind() != RunCheck.Kind.VIOLATED) {
            return "";
        }
        int sp = r.message().indexOf(' ');
        return sp < 0 ? r.message() : r.message().substring(0, sp);
    }

    private static RunCheck get(Future<RunCheck> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a chaos run failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The options of the chosen variant of {@code p} (the first unless --variant names another). */
    private Map<String, String> variantOptions(GatePairing p) {
        List<String> names = new ArrayList<>();
        for (GateVariant v : p.variants()) {
            if (variant == null || variant.equals(v.name())) {
                return v.options(p);
            }
            names.add(v.name());
        }
        throw new UserError("--variant " + variant + ": " + p.folder().resolve(GatePairing.FILE) + " has "
                + (names.contains(null) ? "no variants" : "variants " + String.join(", ", names)));
    }

    /** The pairing of specs/*&#47;gate.json naming this algorithm, if any. */
    private static GatePairing pairing(String name) throws IOException {
        String home = System.getenv("CONFORM_HOME");
        Path specs = (home == null || home.isBlank() ? Path.of("") : Path.of(home)).resolve("specs");
        if (!Files.isDirectory(specs)) {
            return null;
        }
        try (Stream<Path> s = Files.list(specs)) {
            for (Path f : s.filter(Files::isDirectory).sorted().toList()) {
                if (Files.isRegularFile(f.resolve(GatePairing.FILE))) {
                    GatePairing p = GatePairing.read(f);
                    if (name.equals(p.algorithm())) {
                        return p;
                    }
                }
            }
        }
        return null;
    }
}
