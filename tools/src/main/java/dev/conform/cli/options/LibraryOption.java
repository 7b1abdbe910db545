package dev.conform.cli.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --lib DIR...}: folders of TLA+ modules a spec EXTENDS besides its own folder. */
public final class LibraryOption {
    @Option(names = "--lib", paramLabel = "DIR", arity = "1..*",
            description = "Folders with extra TLA+ modules (-DTLA-Library).")
    private List<Path> folders = new ArrayList<>();

    public List<Path> folders() {
        return List.copyOf(folders);
    }
}
