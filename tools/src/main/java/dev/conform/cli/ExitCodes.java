package dev.conform.cli;

/** The documented exit codes of every conform command. */
public final class ExitCodes {
    /** The check passed / the trace conforms. */
    public static final int OK = 0;
    /** A violation was found / the trace does not conform. */
    public static final int VIOLATION = 1;
    /** Bad input or usage. */
    public static final int BAD_INPUT = 2;
    /** A tool failed or timed out: never a pass. */
    public static final int TOOL_FAILURE = 3;

    private ExitCodes() {
    }
}
