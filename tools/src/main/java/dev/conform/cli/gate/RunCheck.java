package dev.conform.cli.gate;

import dev.conform.checker.invariants.Coverage;
import dev.conform.runtime.sim.Scenario;

/**
 * What the Java invariants said about one chaos run.
 *
 * @param scenario the run
 * @param kind     passed, violated, crashed (a node's handler threw) or error (the tooling failed)
 * @param message  one line for failures, else null
 * @param events   events replayed
 * @param coverage what the replayed trace reached and which actions it took (none when it was not
 *                 replayed); never part of the verdict
 */
public record RunCheck(Scenario scenario, Kind kind, String message, long events, Coverage coverage) {
    /** How a run ended. */
    public enum Kind { PASSED, VIOLATED, CRASHED, ERROR }

    public RunCheck {
        coverage = coverage == null ? Coverage.none() : coverage;
    }

    /** A run that was not replayed to its end (it crashed, or the tooling failed). */
    public RunCheck(Scenario scenario, Kind kind, String message, long events) {
        this(scenario, kind, message, events, Coverage.none());
    }

    public boolean passed() {
        return kind == Kind.PASSED;
    }

    /** A failure of the algorithm (not of the tooling). */
    public boolean violation() {
        return kind == Kind.VIOLATED || kind == Kind.CRASHED;
    }
}
