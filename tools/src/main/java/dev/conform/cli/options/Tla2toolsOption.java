package dev.conform.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --tla2tools JAR}: run another TLC than the bundled one. */
public final class Tla2toolsOption {
    @Option(names = "--tla2tools", paramLabel = "JAR",
            description = "Run this tla2tools jar instead of the bundled TLC 2.18 (or set CONFORM_TLA2TOOLS).")
    private Path jar;

    /** The jar, or null for the bundled TLC (or {@code $CONFORM_TLA2TOOLS}). */
    public Path jar() {
        return jar;
    }
}
