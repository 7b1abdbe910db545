package dev.conform.cli.options;

import dev.conform.checker.validate.Validation;
import dev.conform.cli.UserError;
import picocli.CommandLine.Option;

/**
 * {@code --java-only} / {@code --tlc-only}: which side of the validator judges a trace (both by
 * default). Giving both is a usage error.
 */
public final class SidesOption {
    @Option(names = "--java-only", description = "Only the Java replay and invariants.")
    private boolean javaOnly;

    @Option(names = "--tlc-only", description = "Only TLC on the trace spec.")
    private boolean tlcOnly;

    /** The sides asked for; throws a usage error for both flags at once. */
    public Validation.Mode mode() {
        if (javaOnly && tlcOnly) {
            throw new UserError("--java-only and --tlc-only exclude each other");
        }
        return javaOnly ? Validation.Mode.JAVA_ONLY : tlcOnly ? Validation.Mode.TLC_ONLY : Validation.Mode.BOTH;
    }
}
