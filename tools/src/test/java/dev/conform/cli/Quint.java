package dev.conform.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Quint CLI ({@code npm install -g @informalsystems/quint@0.33.1}, as .ci/run does) and
 * Node, for the ITF tests tagged {@code quint}. Where either is missing the tests are skipped with
 * a message saying so, except under CI ({@code CI=true}), whose .ci/run installs Quint: there a
 * missing Quint fails the test. {@code -Dconform.quint=PATH} names another quint executable.
 */
final class Quint {
    /** Quint's simulator in TypeScript: the default Rust backend downloads a binary at run time. */
    private static final List<String> RUN = List.of("run", "--backend", "typescript", "--mbt", "--verbosity", "0");

    private final Path quint;
    private final Path node;

    private Quint(Path quint, Path node) {
        this.quint = quint;
        this.node = node;
    }

    /** Quint and Node, or skips (fails under CI) the calling test when either is missing. */
    static Quint require() {
        String given = System.getProperty("conform.quint");
        Path quint = given != null && !given.isBlank() ? Path.of(given) : onPath("quint");
        Path node = onPath("node");
        if (quint == null || !Files.isExecutable(quint) || node == null) {
            String why = "Quint tests need " + (node == null ? "node and " : "")
                    + "the quint CLI on PATH (npm install -g @informalsystems/quint@0.33.1) or -Dconform.quint";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + " (.ci/run installs it and CI never skips Quint tests)");
            }
            System.err.println("skipped: " + why);
            Assumptions.abort(why);
        }
        return new Quint(quint, node);
    }

    /**
     * Simulates {@code spec} once per trace and writes {@code n} ITF traces {@code <prefix>_<i>.itf.json}
     * into {@code dir} (with {@code mbt::actionTaken}); returns their paths.
     */
    List<Path> traces(Path spec, Path dir, String prefix, int n, int steps, long seed) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(quint.toString()));
        cmd.addAll(RUN);
        cmd.addAll(List.of("--seed", Long.toString(seed), "--max-steps", Integer.toString(steps),
                "--n-traces", Integer.toString(n), "--max-samples", Integer.toString(n),
                "--out-itf", dir.resolve(prefix + "_{seq}.itf.json").toString(), spec.toString()));
        run(cmd);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path p = dir.resolve(prefix + "_" + i + ".itf.json");
            Assertions.assertTrue(Files.isRegularFile(p), "quint wrote no " + p);
            out.add(p);
        }
        return out;
    }

    /** Runs Quint's own ITF reader (quint-itf-reader.js) on {@code args}; returns what it printed. */
    String readItf(Path script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(node.toString(), script.toString(), packageDir().toString()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** The installed npm package: the quint executable is a link to its dist/src/cli.js. */
    private Path packageDir() throws IOException {
        return quint.toRealPath().getParent().getParent().getParent();
    }

    private static String run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!done) {
                p.destroyForcibly();
                Assertions.fail(String.join(" ", cmd) + " did not finish in 60 s:\n" + out);
            }
            Assertions.assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + out);
            return out;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
