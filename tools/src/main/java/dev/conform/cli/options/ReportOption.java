package dev.conform.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --report DIR}: write the HTML report of every failing run to DIR (see {@code conform report}). */
public final class ReportOption {
    @Option(names = "--report", paramLabel = "DIR",
            description = "Write the HTML report (conform report) of every failing run to DIR, named like its trace"
                    + " (gate: also DIR/index.html over all checks).")
    private Path dir;

    /** The folder, or null when no reports are asked for. */
    public Path dir() {
        return dir;
    }
}
