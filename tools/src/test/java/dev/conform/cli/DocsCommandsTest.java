package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The docs cannot drift from the CLI: every trace shown in README.md and docs/*.md is well formed,
 * every concrete {@code conform ...} command shown parses (command and option names exist), and the
 * commands of blocks marked {@code <!-- doc-test: exit N -->} run and exit with N: every command of
 * a block runs, in order, even after one failed (so a block that starts processes reaches its stop).
 * Paths in them are the repository's where it has them; any other path (one a command writes, and
 * the later commands read) is taken inside a temporary folder, so the docs write no files here.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DocsCommandsTest {
    @TempDir
    Path tmp;

    /** A synopsis ({@code [--json]}, {@code <spec>}, {@code A|B}, {@code ...}) is not a command to parse. */
    static boolean synopsis(String command) {
        return command.contains("[") || command.contains("<") || command.contains("|") || command.contains("...")
                || command.contains("\"") || command.contains("'");
    }

    @Test
    void everyConcreteCommandShownParses() throws Exception {
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        for (DocBlocks b : DocBlocks.all()) {
            for (String c : b.commands()) {
                if (synopsis(c)) {
                    continue;
                }
                String[] args = DocBlocks.args(c);
                try {
                    Main.commandLine().parseArgs(args);
                    parsed++;
                } catch (CommandLine.ParameterException e) {
                    failures.add(b.where() + ": " + c + ": " + e.getMessage());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(parsed >= 20, "only " + parsed + " commands found in the docs");
    }

    @Test
    void everyTraceShownIsWellFormed() throws Exception {
        int traces = 0;
        for (DocBlocks b : DocBlocks.all()) {
            if (!b.isTrace()) {
                continue;
            }
            Path t = tmp.resolve("block-" + traces++ + ".ndjson");
            Files.writeString(t, String.join("\n", b.lines()) + "\n");
            CliRun r = CliRun.of("validate", "--format-only", "--trace", t.toString());
            assertEquals(0, r.exit(), b.where() + ":\n" + r.out() + r.err());
        }
        assertTrue(traces >= 1, "no trace found in the docs");
    }

    @Test
    void markedCommandsRunWithTheirExitCode() throws Exception {
        int run = 0;
        List<String> failures = new ArrayList<>();
        for (DocBlocks b : DocBlocks.all()) {
            if (b.expectedExit() == null) {
                continue;
            }
            assertFalse(b.commands().isEmpty(), b.where() + ": a marked block without conform commands");
            for (String c : b.commands()) {
                if (synopsis(c)) {
                    fail(b.where() + ": a marked block holds a synopsis, not a command: " + c);
                }
                CliRun r = CliRun.of(resolve(DocBlocks.args(c)));
                if (r.exit() != b.expectedExit()) {
                    failures.add(b.where() + ": " + c + ": exit " + r.exit() + ", not " + b.expectedExit() + "\n"
                            + r.out() + r.err());
                }
                run++;
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(run >= 20, "only " + run + " marked commands found");
    }

    /** A word that names a file: it has a folder or a file extension (and is not a shard, K/N). */
    private static boolean pathLike(String arg) {
        return (arg.contains("/") && !arg.matches("\\d+/\\d+")) || arg.matches("[\\w.-]+\\.(ndjson|json|tla|cfg|html|txt|qnt|xml)");
    }

    /**
     * The docs' paths are relative to the repository root, and the tests run in tools/: a path the
     * repository has is taken there, any other path in the test's temporary folder.
     */
    private String[] resolve(String[] args) {
        String[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i].startsWith("-")) {
                continue;
            }
            if (Files.exists(DocBlocks.ROOT.resolve(out[i])) && (pathLike(out[i])
                    || Files.isDirectory(DocBlocks.ROOT.resolve(out[i])))) {
                out[i] = DocBlocks.ROOT.resolve(out[i]).toString();
            } else if (pathLike(out[i])) {
                out[i] = tmp.resolve(out[i]).toString();
            }
        }
        return out;
    }
}
