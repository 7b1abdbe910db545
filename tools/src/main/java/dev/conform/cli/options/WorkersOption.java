package dev.conform.cli.options;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --workers N}: threads for TLC and for whatever the command runs side by side. */
public final class WorkersOption {
    /** The word for one thread per processor. */
    public static final String CORES = "cores";

    @Option(names = "--workers", paramLabel = "N", converter = Converter.class, defaultValue = CORES,
            description = "Worker threads: TLC's per model check, and for the runs a command does side by side "
                    + "(default: ${DEFAULT-VALUE}).")
    private int workers;

    /** At least 1. */
    public int workers() {
        return workers;
    }

    /** A positive number, or {@value #CORES} for one per processor. */
    public static final class Converter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (value.trim().equals(CORES)) {
                return Runtime.getRuntime().availableProcessors();
            }
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a number of threads");
            }
            if (n < 1) {
                throw new CommandLine.TypeConversionException("must be at least 1, got " + n);
            }
            return n;
        }
    }
}
