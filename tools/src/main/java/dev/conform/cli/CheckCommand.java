package dev.conform.cli;

import dev.conform.checker.tlc.ModelPair;
import dev.conform.checker.tlc.TlcInputException;
import dev.conform.checker.tlc.TlcRequest;
import dev.conform.checker.tlc.TlcResult;
import dev.conform.checker.tlc.TlcResultJson;
import dev.conform.checker.tlc.TlcRunner;
import dev.conform.checker.tlc.TlcServerOptions;
import dev.conform.cli.options.DistributedOption;
import dev.conform.cli.options.JsonOption;
import dev.conform.cli.options.LibraryOption;
import dev.conform.cli.options.OptionDefaults;
import dev.conform.cli.options.ProgressOption;
import dev.conform.checker.tlc.TlcProgress;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import dev.conform.cli.options.TimeoutOption;
import dev.conform.cli.options.Tla2toolsOption;
import dev.conform.cli.options.WorkersOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conform check}: model-check one spec with TLC and report a structured verdict. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Model-check a TLA+ spec with TLC and report the verdict, statistics and counterexample.",
            "SPEC is a .tla file (config defaults to the sibling .cfg) or a spec folder holding one "
                    + "MC*.tla/MC*.cfg pair."},
        footerHeading = "%nVerdicts:%n",
        footer = {
            "  OK; INVARIANT_VIOLATED, PROPERTY_VIOLATED, DEADLOCK, ASSUMPTION_FAILED (exit 1);",
            "  PARSE_ERROR, SEMANTIC_ERROR, EVALUATION_ERROR (exit 2);",
            "  TLC_CRASH, TIMEOUT, OUT_OF_MEMORY (exit 3).",
            "%nExit codes:",
            "  0  ok",
            "  1  a violation was found",
            "  2  bad input or usage",
            "  3  tool failure or timeout (never a pass)",
            "%nWith --distributed: no PROPERTY, TLCGet/TLCSet or operator overrides (exit 2); a run",
            "  that lost a worker is TLC_CRASH, never OK.",
            "%nEnvironment: CONFORM_TLA2TOOLS names another tla2tools jar (like --tla2tools)."},
        defaultValueProvider = OptionDefaults.Provider.class)
final class CheckCommand implements Callable<Integer>, OptionDefaults {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "A .tla file or a spec folder.")
    Path target;

    @Option(names = "--config", paramLabel = "CFG", description = "The model config (.cfg) to use.")
    Path config;

    @Mixin
    WorkersOption workers;

    @Mixin
    TimeoutOption timeout;

    @Mixin
    JsonOption json;

    @Option(names = "--out", paramLabel = "DIR", description = "Write result.json and TLC's raw output (tlc-output.txt) to DIR.")
    Path outDir;

    @Mixin
    LibraryOption libs;

    @Mixin
    Tla2toolsOption tla2tools;

    @Mixin
    ProgressOption progressOption;

    @Mixin
    DistributedOption distributed;

    /** One TLC worker unless asked: a model check here is one run a user watches. */
    @Override
    public Map<String, String> optionDefaults() {
        return Map.of("--workers", "1");
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ProgressPrinter live = !json.json() && progressOption.live() ? new ProgressPrinter(System.err) : null;
        AtomicReference<TlcProgress> latest = new AtomicReference<>();
        Consumer<TlcProgress> progress = p -> {
            latest.set(p);
            if (live != null) {
                live.accept(p);
            }
        };
        TlcResult result;
        ModelPair pair;
        try (Heartbeat beat = Heartbeat.start(progressOption, System.err, "check",
                () -> ProgressPrinter.counts(latest.get()))) {
            pair = ModelPair.resolve(target, config);
            TlcRequest.Builder req = TlcRequest.builder(pair.spec()).config(pair.config()).workers(workers.workers())
                    .timeout(timeout.timeout()).libraryPaths(libs.folders()).tla2toolsJar(tla2tools.jar())
                    .progress(progress);
            WorkerWatch watch = null;
            if (distributed.enabled()) {
                TlcServerOptions server = options();
                watch = new WorkerWatch(server, System.err);
                req.server(server).outputListener(watch);
                watch.announce();
            }
            result = new TlcRunner().run(req.build());
            if (watch != null) {
                watch.finish();
            }
        } catch (TlcInputException e) {
            throw new UserError(e.getMessage());
        } finally {
            if (live != null) {
                live.finish();
            }
        }
        if (outDir != null) {
            writeOut(result);
        }
        if (json.json()) {
            out.println(TlcResultJson.toPrettyString(result));
            out.flush();
        } else {
            new ResultRenderer(out, Terminal.interactive()).render("conform check " + pair.displayName(), result);
        }
        return VerdictExit.of(result.verdict());
    }

    private TlcServerOptions options() {
        try {
            return distributed.options();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private void writeOut(TlcResult result) throws IOException {
        try {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("result.json"), TlcResultJson.toPrettyString(result) + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(outDir.resolve("tlc-output.txt"), result.rawOutput(), StandardCharsets.UTF_8);
        } catch (java.nio.file.FileSystemException e) {
            throw new UserError(outDir + ": cannot write results: " + e.getMessage());
        }
    }
}
