package dev.conform.cli.gate;

import dev.conform.runtime.sim.Scenario;

/**
 * What the Java invariants said about one chaos run.
 *
 * @param scenario the run
 * @param kind     passed, violated, crashed (a node's handler threw) or error (the tooling failed)
 * @param message  one line for failures, else null
 * @param events   events replayed
 */
public record RunCheck(Scenario scenario, Kind kind, String message, long events) {
    /** How a run ended. */
    public enum Kind { PASSED, VIOLATED, CRASHED, ERROR }

    public boolean passed() {
        return kind == Kind.PASSED;
    }

    /** A failure of the algorithm (not of the tooling). */
    public boolean violation() {
        return kind == Kind.VIOLATED || kind == Kind.CRASHED;
    }
}
