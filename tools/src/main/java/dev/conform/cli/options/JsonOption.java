package dev.conform.cli.options;

import picocli.CommandLine.Option;

/** {@code --json}: the result as JSON on stdout instead of text. */
public final class JsonOption {
    @Option(names = "--json", description = "Print the full result as JSON.")
    private boolean json;

    public boolean json() {
        return json;
    }
}
