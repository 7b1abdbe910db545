package dev.conform.cli.options;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --flaw NAME}, repeatable: teaching flaws switched on in an algorithm. */
public final class FlawsOption {
    @Option(names = "--flaw", paramLabel = "NAME", description = "switch on a teaching flaw (repeatable)")
    private List<String> flaws = new ArrayList<>();

    public List<String> flaws() {
        return List.copyOf(flaws);
    }
}
