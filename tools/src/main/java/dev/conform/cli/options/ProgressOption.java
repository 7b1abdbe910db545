package dev.conform.cli.options;

import dev.conform.cli.UserError;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --progress auto|always|never}: how a long run shows it is alive. On a terminal
 * ({@code auto}) one line is redrawn in place; elsewhere, as in a CI log, a plain line is written
 * every 10 seconds so the log is never silent for minutes ({@code always} forces these lines on a
 * terminal too); {@code never} prints nothing.
 */
public final class ProgressOption {
    @Option(names = "--progress", paramLabel = "auto|always|never", defaultValue = "auto",
            description = "Progress on stderr: auto (a live line on a terminal, else a line every 10 s),"
                    + " always (a line every 10 s), never (default: ${DEFAULT-VALUE}).")
    private String mode = "auto";

    private String mode() {
        String m = mode.toLowerCase(Locale.ROOT);
        if (!m.equals("auto") && !m.equals("always") && !m.equals("never")) {
            throw new UserError("--progress must be auto, always or never, got '" + mode + "'");
        }
        return m;
    }

    /** True for the line redrawn in place: auto, on a terminal. */
    public boolean live() {
        return mode().equals("auto") && System.console() != null;
    }

    /** True for a plain line every 10 s: always, or auto when stderr is not a terminal. */
    public boolean periodic() {
        String m = mode();
        return m.equals("always") || m.equals("auto") && System.console() == null;
    }
}
