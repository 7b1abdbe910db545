package dev.conform.checker.value;

/** Text that is not a TLA+ value as TLC prints it; the message names line:column in that text. */
public final class TlaValueSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public TlaValueSyntaxException(int line, int column, String message) {
        super(line + ":" + column + ": " + message);
        this.line = line;
        this.column = column;
    }

    /** 1-based line in the parsed text. */
    public int line() {
        return line;
    }

    /** 1-based column in the parsed text. */
    public int column() {
        return column;
    }
}
