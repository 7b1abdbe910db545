package dev.conform.cli;

import dev.conform.cli.options.AlgorithmOptions;
import dev.conform.cli.options.FlawsOption;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.FaultPlans;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.NodeFailure;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.Scenario;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.tracing.io.NdjsonSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code conform run}: one deterministic simulated run of an algorithm, written as an NDJSON trace. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an algorithm once in the deterministic simulator and write its trace.",
            "The same seed, plan and options replay the run byte for byte; the replay command is printed."})
final class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ALGORITHM", description = "algorithm name (see --list)", arity = "0..1")
    String algorithm;

    @Option(names = "--list", description = "list the registered algorithms and their flaws")
    boolean list;

    @Option(names = "--seed", defaultValue = "1", description = "seed of every random choice (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--plan", paramLabel = "FILE", description = "fault plan (JSON)")
    Path plan;

    @Option(names = "--chaos", paramLabel = "low|medium|high",
            description = "draw a random fault plan from the seed (written next to --out)")
    String chaos;

    @Option(names = "--horizon", defaultValue = "500", description = "time span of a --chaos plan in ticks (default ${DEFAULT-VALUE})")
    long horizon;

    @Option(names = "--steps", defaultValue = "100000", description = "step budget (default ${DEFAULT-VALUE})")
    long steps;

    @Option(names = "--time", description = "logical time budget in ticks")
    Long time;

    @Option(names = "--servers", description = "number of servers (default: the algorithm's)")
    Integer servers;

    @Option(names = "--net", paramLabel = "reliable|unreliable", description = "network semantics (default: the algorithm's)")
    String net;

    @Mixin
    FlawsOption flaws;

    @Mixin
    AlgorithmOptions options;

    @Option(names = "--type", paramLabel = "KIND",
            description = "same as --option type=KIND (crdt: g-counter, pn-counter, lww-register, lww-map, or-set)")
    String type;

    @Option(names = "--clock", paramLabel = "physical|hlc", description = "same as --option clock=... (crdt LWW timestamps)")
    String clock;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the NDJSON trace")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        if (list) {
            for (Algorithm<?> a : Algorithms.all()) {
                o.println(a.name() + " - " + a.description());
                a.flaws().forEach((k, v) -> o.println("  --flaw " + k + ": " + v));
            }
            return ExitCodes.OK;
        }
        if (algorithm == null) {
            throw new UserError("run: name an algorithm (conform run --list shows them)");
        }
        if (out == null) {
            throw new UserError("run: --out FILE is required");
        }
        Scenario scenario = scenario();
        try {
            Algorithms.checkPlan(scenario.algorithm(),
                    scenario.config().servers() < 1 ? java.util.List.of() : serverIds(scenario.config().servers()),
                    scenario.config().options(), scenario.plan());
        } catch (IllegalArgumentException e) {
            throw new UserError((plan == null ? "" : plan + ": ") + e.getMessage());
        }
        Path planFile = plan;
        if (chaos != null && !scenario.plan().events().isEmpty()) {
            planFile = out.resolveSibling(out.getFileName() + ".plan.json");
            FaultPlans.write(scenario.plan(), planFile);
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        RunResult r;
        try (NdjsonSink sink = new NdjsonSink(out)) {
            r = scenario.simulate(sink).result();
        } catch (NodeFailure e) {
            spec.commandLine().getErr().println("conform: " + e.getMessage());
            spec.commandLine().getErr().println("replay: " + scenario.replayCommand(planFile) + " --out " + out);
            return ExitCodes.VIOLATION;
        }
        o.println(scenario.algorithm().name() + ": " + r.reason().name().toLowerCase(java.util.Locale.ROOT)
                + " after " + r.steps() + " steps, " + r.deliveries() + " deliveries, " + r.dropped()
                + " drops, t=" + r.time() + "; trace " + out);
        o.println("replay: " + scenario.replayCommand(planFile) + " --out " + out);
        return ExitCodes.OK;
    }

    Scenario scenario() {
        Algorithm<?> a;
        try {
            a = Algorithms.byName(algorithm);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Options opts = AlgorithmOptions.checked(a, withAliases());
        for (String f : flaws.flaws()) {
            if (!a.flaws().containsKey(f)) {
                throw new UserError("unknown flaw '" + f + "' of " + a.name() + "; known: "
                        + String.join(", ", a.flaws().keySet()));
            }
            opts = opts.withFlaw(f);
        }
        NetSemantics semantics = a.defaultNet();
        if (net != null) {
            semantics = NetSemantics.fromWire(net);
            if (semantics == null) {
                throw new UserError("--net must be reliable or unreliable, got '" + net + "'");
            }
        }
        int n = servers == null ? a.defaultServers(opts) : servers;
        SimConfig cfg;
        try {
            cfg = SimConfig.of(n, seed).withNet(semantics).withMaxSteps(steps).withOptions(opts);
            if (time != null) {
                cfg = cfg.withMaxTime(time);
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        FaultPlan p = FaultPlan.none();
        if (plan != null && chaos != null) {
            throw new UserError("give --plan or --chaos, not both");
        }
        if (plan != null) {
            try {
                p = FaultPlans.read(plan);
            } catch (FaultPlans.PlanFormatException e) {
                throw new UserError(e.getMessage());
            }
        } else if (chaos != null) {
            Intensity k = Intensity.named(chaos);
            if (k == null) {
                throw new UserError("--chaos must be low, medium or high, got '" + chaos + "'");
            }
            p = PlanGenerator.generate(seed, serverIds(n), horizon, k, a, opts);
        }
        return new Scenario(a, cfg, p);
    }

    /** The --option map with the --type/--clock shorthands added; a contradiction is bad input. */
    private Map<String, String> withAliases() {
        Map<String, String> m = new LinkedHashMap<>(options.options());
        alias(m, "type", type);
        alias(m, "clock", clock);
        return m;
    }

    private static void alias(Map<String, String> m, String key, String value) {
        if (value == null) {
            return;
        }
        String given = m.putIfAbsent(key, value);
        if (given != null && !given.equals(value)) {
            throw new UserError("--" + key + " " + value + " contradicts --option " + key + "=" + given);
        }
    }

    private static List<Integer> serverIds(int n) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(i);
        }
        return ids;
    }
}
