package dev.conform.runtime.scenario;

/**
 * An {@code assert} command that does not hold: the scenario ran as written, and the algorithm
 * did something else. Distinguished from malformed input so that a command line can report it as
 * a violation rather than as bad usage.
 */
public final class ScenarioAssertionException extends ScenarioException {
    public ScenarioAssertionException(String file, int line, int column, String message) {
        super(file, line, column, message);
    }
}
