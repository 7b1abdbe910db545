package dev.conform.cli.options;

import dev.conform.cli.UserError;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.ByzantineFaults;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --option KEY=VALUE}, repeatable: settings of the algorithm that is run. */
public final class AlgorithmOptions {
    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "algorithm option (repeatable)")
    private Map<String, String> options = new LinkedHashMap<>();

    /**
     * {@code values} (these options, possibly with others laid under or over them) as run options
     * of {@code algorithm}; a key the algorithm does not read, or a value it refuses, is bad input
     * (the former naming the known keys).
     */
    public static Options checked(Algorithm<?> algorithm, Map<String, String> values) {
        Options o = Options.of(values);
        try {
            Algorithms.checkOptions(algorithm, o);
            // a value the algorithm refuses (resolving them as a run does, any seed) is bad input too, not a crash
            algorithm.resolveOptions(o, 0);
            ByzantineFaults.enabled(o);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        return o;
    }

    /** In the order given. */
    public Map<String, String> options() {
        return Collections.unmodifiableMap(options);
    }
}
