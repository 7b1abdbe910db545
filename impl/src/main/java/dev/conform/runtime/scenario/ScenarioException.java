package dev.conform.runtime.scenario;

/**
 * A scenario file that cannot be read or run as written: a malformed command, an assertion that
 * does not hold, a command the cluster refuses. The message is one line, {@code file:line:col:
 * what went wrong}, fit to show a user as is.
 */
public class ScenarioException extends RuntimeException {
    public ScenarioException(String file, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
    }
}
