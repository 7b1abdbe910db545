package dev.conform.cli.options;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --option KEY=VALUE}, repeatable: settings of the algorithm that is run. */
public final class AlgorithmOptions {
    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "algorithm option (repeatable)")
    private Map<String, String> options = new LinkedHashMap<>();

    /** In the order given. */
    public Map<String, String> options() {
        return Collections.unmodifiableMap(options);
    }
}
