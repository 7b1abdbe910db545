package dev.conform.cli.options;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --timeout D}: how long a command may take; running out of time is never a pass. */
public final class TimeoutOption {
    @Option(names = "--timeout", paramLabel = "D", converter = DurationConverter.class,
            defaultValue = DurationConverter.NONE,
            description = "Give up after D (e.g. 90s, 10m, none; default: ${DEFAULT-VALUE}); running out of time "
                    + "exits 3, never a pass.")
    private Duration timeout;

    /** The limit, or null for none. */
    public Duration timeout() {
        return timeout;
    }
}
