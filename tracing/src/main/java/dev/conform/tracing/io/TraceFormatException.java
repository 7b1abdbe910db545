package dev.conform.tracing.io;

/**
 * A trace file breaks the format. The message is one line, {@code file:line:column: reason},
 * ready to show to a user without a stack trace. Lines and columns are 1-based; the column counts
 * characters (not bytes) and points at the offending token when it is known, else it is 1.
 */
public final class TraceFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final int column;
    private final String reason;

    public TraceFormatException(String file, long line, int column, String reason) {
        this(file, line, column, reason, null);
    }

    public TraceFormatException(String file, long line, int column, String reason, Throwable cause) {
        super(file + ":" + line + ":" + Math.max(1, column) + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.column = Math.max(1, column);
        this.reason = reason;
    }

    /** The file name as given to the reader (or a stream label such as {@code <stdin>}). */
    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position prefix. */
    public String reason() {
        return reason;
    }
}
