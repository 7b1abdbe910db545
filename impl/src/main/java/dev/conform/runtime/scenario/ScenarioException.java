package dev.conform.runtime.scenario;

/**
 * A scenario file that cannot be read or run as written: a malformed command, an assertion that
 * does not hold, a command the cluster refuses. The message is one line, {@code file:line:col:
 * what went wrong}, fit to show a user as is.
 */
public class ScenarioException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;

    public ScenarioException(String file, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
