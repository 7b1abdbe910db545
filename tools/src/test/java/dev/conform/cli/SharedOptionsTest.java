package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.cli.options.AlgorithmOptions;
import dev.conform.cli.options.ClusterDirOption;
import dev.conform.cli.options.FlawsOption;
import dev.conform.cli.options.JsonOption;
import dev.conform.cli.options.LibraryOption;
import dev.conform.cli.options.TimeoutOption;
import dev.conform.cli.options.Tla2toolsOption;
import dev.conform.cli.options.WorkersOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options several commands share come from one mixin each, wherever they appear in the command
 * tree; a command with its own default keeps it; bad values are usage errors (exit 2).
 */
class SharedOptionsTest {
    static final Map<String, Class<?>> SHARED = Map.of(
            "--timeout", TimeoutOption.class,
            "--workers", WorkersOption.class,
            "--tla2tools", Tla2toolsOption.class,
            "--lib", LibraryOption.class,
            "--json", JsonOption.class,
            "--dir", ClusterDirOption.class,
            "--flaw", FlawsOption.class,
            "--option", AlgorithmOptions.class);

    /**
     * Same name, different option: the gate's {@code --flaw} takes one flaw and needs
     * {@code --algorithm} (it also picks the flaw's model-checking config).
     */
    static final List<String> OWN = List.of("conform gate --flaw");

    static List<CommandSpec> all(CommandLine cl) {
        List<CommandSpec> out = new ArrayList<>(List.of(cl.getCommandSpec()));
        cl.getSubcommands().values().forEach(sub -> out.addAll(all(sub)));
        return out;
    }

    static CommandSpec command(String... path) {
        CommandLine cl = Main.commandLine();
        for (String p : path) {
            cl = cl.getSubcommands().get(p);
        }
        return cl.getCommandSpec();
    }

    /** The option's default as the command's help shows it. */
    static String shownDefault(String option, String... path) {
        CommandSpec spec = command(path);
        OptionSpec o = spec.findOption(option);
        String fromCommand = spec.defaultValueProvider() == null ? null : call(spec, o);
        return fromCommand != null ? fromCommand : o.defaultValue();
    }

    private static String call(CommandSpec spec, OptionSpec o) {
        try {
            return spec.defaultValueProvider().defaultValue(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everySharedOptionComesFromItsMixin() {
        int seen = 0;
        for (CommandSpec spec : all(Main.commandLine())) {
            for (OptionSpec o : spec.options()) {
                Class<?> mixin = SHARED.get(o.longestName());
                if (mixin == null || OWN.contains(spec.qualifiedName() + " " + o.longestName())) {
                    continue;
                }
                seen++;
                boolean fromMixin = spec.mixins().values().stream().anyMatch(m -> m.userObject().getClass() == mixin
                        && m.findOption(o.longestName()) != null);
                assertTrue(fromMixin, spec.qualifiedName() + " defines " + o.longestName() + " itself instead of using "
                        + mixin.getSimpleName());
            }
        }
        assertTrue(seen >= 20, "expected the shared options on many commands, saw " + seen);
    }

    @Test
    void commandsKeepTheirOwnDefaults() {
        assertEquals("10m", shownDefault("--timeout", "gate"));
        assertEquals("10s", shownDefault("--timeout", "cluster", "client"));
        assertEquals("none", shownDefault("--timeout", "check"));
        assertEquals("none", shownDefault("--timeout", "validate"));
        assertEquals("1", shownDefault("--workers", "check"));
        assertEquals("cores", shownDefault("--workers", "gate"));
        assertEquals("cores", shownDefault("--workers", "explore"));
        assertEquals(".conform/cluster", shownDefault("--dir", "cluster", "stop"));
        CliRun help = CliRun.of("gate", "--help");
        assertTrue(help.out().contains("10m); running out of time exits 3"), help.out());
    }

    @Test
    void badValuesAreUsageErrors() {
        CliRun workers = CliRun.of("check", "--workers", "0", "Nothing.tla");
        assertEquals(2, workers.exit(), workers.err());
        assertTrue(workers.err().contains("--workers"), workers.err());
        CliRun timeout = CliRun.of("validate", "--trace", "t.ndjson", "--timeout", "soon");
        assertEquals(2, timeout.exit(), timeout.err());
        CliRun forever = CliRun.of("cluster", "client", "get", "k", "--timeout", "none", "--dir", "no-such-dir");
        assertEquals(2, forever.exit(), forever.err());
        assertTrue(forever.err().contains("needs a time limit"), forever.err());
    }
}
