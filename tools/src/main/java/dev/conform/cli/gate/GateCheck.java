package dev.conform.cli.gate;

/** One runnable gate check; becomes one JUnit testcase and counts towards its folder's table row. */
public interface GateCheck {

    /** The JUnit suite (the spec folder's name). */
    String suite();

    /** What is checked, e.g. {@code MCLamportClocks.tla}. */
    String name();

    /** Runs the check; must not throw for failures of the thing checked (they are outcomes). */
    GateOutcome run();

    /** Whether the check may run alongside its neighbours that say so too (single-threaded TLC runs). */
    default boolean concurrent() {
        return false;
    }
}
