package dev.conform.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --dir D}: the folder of a local cluster (pids, logs, data, traces). */
public final class ClusterDirOption {
    /** Where {@code conform cluster} keeps a cluster unless told otherwise. */
    public static final String DEFAULT = ".conform/cluster";

    @Option(names = "--dir", defaultValue = DEFAULT, description = "cluster directory (default ${DEFAULT-VALUE})")
    private Path dir;

    public Path dir() {
        return dir;
    }
}
