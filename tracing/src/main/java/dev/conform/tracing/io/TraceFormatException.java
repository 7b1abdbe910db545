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
        this(oneLine(reason), file, line, column, cause);
    }

    private TraceFormatException(String reason, String file, long line, int column, Throwable cause) {
        super(file + ":" + line + ":" + Math.max(1, column) + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.column = Math.max(1, column);
        this.reason = reason;
    }

    /** Longest part of a value from the input that a message shows. */
    private static final int SHOWN_CHARS = 60;

    /**
     * A string from the input (a field name, a kind, a message type) as a message shows it: a
     * JSON string literal, control characters escaped, cut after {@value #SHOWN_CHARS} characters
     * so a megabyte-long name does not become a megabyte-long message.
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), SHOWN_CHARS) + 8).append('"');
        int n = Math.min(s.length(), SHOWN_CHARS);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else {
                escapeControl(sb, c);
            }
        }
        sb.append('"');
        if (s.length() > SHOWN_CHARS) {
            sb.append("... (").append(s.length()).append(" characters)");
        }
        return sb.toString();
    }

    /** Longest reason kept whole; a longer one (naming a long value from the input) is cut. */
    private static final int MAX_REASON_CHARS = 500;

    /**
     * The reason with control characters (line breaks included) escaped, since a message is one
     * line, and cut after {@value #MAX_REASON_CHARS} characters.
     */
    private static String oneLine(String reason) {
        if (reason.length() > MAX_REASON_CHARS) {
            reason = reason.substring(0, MAX_REASON_CHARS) + "... (cut)";
        }
        for (int i = 0; i < reason.length(); i++) {
            if (isControl(reason.charAt(i))) {
                StringBuilder sb = new StringBuilder(reason.length() + 16);
                for (int j = 0; j < reason.length(); j++) {
                    escapeControl(sb, reason.charAt(j));
                }
                return sb.toString();
            }
        }
        return reason;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029';
    }

    private static void escapeControl(StringBuilder sb, char c) {
        if (isControl(c)) {
            sb.append(String.format("\\u%04x", (int) c));
        } else {
            sb.append(c);
        }
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
