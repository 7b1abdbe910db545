package dev.conform.cli;

import dev.conform.checker.mbt.MbtException;
import dev.conform.checker.tlc.TlcInputException;
import dev.conform.checker.tlc.TlcRunner;
import dev.conform.cli.mbt.Mbt;
import dev.conform.cli.mbt.MbtModel;
import dev.conform.cli.mbt.MbtModels;
import dev.conform.cli.mbt.MbtResult;
import dev.conform.cli.mbt.Mismatch;
import dev.conform.cli.options.FlawsOption;
import dev.conform.cli.options.Tla2toolsOption;
import dev.conform.cli.options.TimeoutOption;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conform mbt}: can the implementation take every step its spec allows? */
@Command(name = "mbt",
        mixinStandardHelpOptions = true,
        description = {
            "Model-based test: TLC draws behaviours from the algorithm's spec (specs/<algo>/Mbt<Algo>.tla, random "
                + "simulation with a seed) and each is replayed into the implementation on the scripted scheduler: "
                + "the message the spec delivered, the timer, the crash or restart. After every step the action and "
                + "state the implementation records, the messages it sent and the nodes up must be the spec's.",
            "Trace validation checks that the implementation does only what the spec allows; this checks that it "
                + "can do what the spec allows."},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  the implementation followed every behaviour",
            "  1  a mismatch (the step, the spec's state, the implementation's, and a replay command are printed),",
            "     or the spec itself broke an invariant while TLC simulated it",
            "  2  bad input: unknown algorithm, bad numbers, a spec that does not parse",
            "  3  TLC failed or timed out (never a pass)"})
final class MbtCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ALGORITHM", description = "The algorithm (twopc, raft, crdt).")
    String algorithm;

    @Option(names = "--behaviours", paramLabel = "N", defaultValue = "20",
            description = "Behaviours to draw and replay (default: ${DEFAULT-VALUE}).")
    int behaviours;

    @Option(names = "--depth", paramLabel = "D", defaultValue = "40",
            description = "Most states per behaviour (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "TLC's simulation seed: the same seed draws the same behaviours (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--config", paramLabel = "CFG",
            description = "The model's config in the spec folder (default: the algorithm's, e.g. MbtTwoPhase.cfg).")
    String config;

    @Option(names = "--specs", paramLabel = "DIR",
            description = "The specs folder (default: $CONFORM_HOME/specs or ./specs).")
    Path specsDir;

    @Mixin
    FlawsOption flaws;

    @Mixin
    TimeoutOption timeout;

    @Mixin
    Tla2toolsOption tla2tools;

    @Override
    public Integer call() {
        MbtModel<?> model = MbtModels.find(algorithm).orElseThrow(() -> new UserError("no model-based test for '"
                + algorithm + "'; known: " + String.join(", ", MbtModels.names())));
        if (behaviours < 1 || depth < 2) {
            throw new UserError("--behaviours must be at least 1 and --depth at least 2");
        }
        for (String f : flaws.flaws()) {
            if (!model.algorithm().flaws().containsKey(f)) {
                throw new UserError("unknown flaw '" + f + "' of " + algorithm + "; known: "
                        + String.join(", ", model.algorithm().flaws().keySet()));
            }
        }
        Path folder = (specsDir != null ? specsDir : home().resolve("specs")).resolve(algorithm);
        if (!Files.isRegularFile(folder.resolve(model.module()))) {
            throw new UserError(folder.resolve(model.module()) + ": no such spec (use --specs DIR)");
        }
        Mbt mbt = new Mbt(model, folder, config);
        if (!Files.isRegularFile(folder.resolve(mbt.config()))) {
            throw new UserError(folder.resolve(mbt.config()) + ": no such config");
        }
        MbtResult r;
        try {
            r = mbt.run(new TlcRunner(), behaviours, depth, seed, flaws.flaws(), timeout.timeout(),
                    tla2tools.jar());
        } catch (TlcInputException | MbtException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        int exit = print(out, r, folder.resolve(model.module()), mbt.config());
        out.flush();
        return exit;
    }

    private int print(PrintWriter out, MbtResult r, Path module, String cfg) {
        if (!r.tlc().isOk()) {
            out.println("TLC " + r.tlc().verdict() + ": " + r.tlc().message() + " (simulating " + module + ")");
            out.println("no verdict on the implementation; TLC's command: " + r.tlc().commandLineString());
            return VerdictExit.of(r.tlc().verdict());
        }
        String figures = r.behaviours() + " behaviours, " + r.steps() + " steps (depth " + depth + ", seed " + seed
                + "); spec actions covered: " + r.covered().size() + " of " + r.actions().size()
                + (r.uncovered().isEmpty() ? "" : " (not covered: " + String.join(", ", r.uncovered()) + ")");
        Mismatch m = r.mismatch();
        if (m == null) {
            out.println("OK: " + algorithm + " followed every behaviour of " + module.getFileName() + " (" + cfg + "); "
                    + figures);
            return ExitCodes.OK;
        }
        out.println("MISMATCH: behaviour " + r.mismatchBehaviour() + ", step " + m.step() + ": the spec took "
                + m.specStep());
        out.println("  " + m.problem());
        out.println("spec state after the step:");
        m.specState().lines().forEach(l -> out.println("  " + l));
        out.println("implementation: " + m.implState());
        out.println(figures);
        out.println("replay: " + replay(r.mismatchBehaviour()));
        return ExitCodes.VIOLATION;
    }

    /** The command that draws the same behaviours up to the one that mismatched. */
    private String replay(int upTo) {
        List<String> cmd = new ArrayList<>(List.of("conform", "mbt", algorithm, "--behaviours", Integer.toString(upTo),
                "--depth", Integer.toString(depth), "--seed", Long.toString(seed)));
        flaws.flaws().forEach(f -> cmd.addAll(List.of("--flaw", f)));
        if (config != null) {
            cmd.addAll(List.of("--config", config));
        }
        if (specsDir != null) {
            cmd.addAll(List.of("--specs", specsDir.toString()));
        }
        return String.join(" ", cmd);
    }

    private static Path home() {
        String home = System.getenv("CONFORM_HOME");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
    }
}
