package dev.conform.cli.gate;

/** One runnable gate check; becomes one JUnit testcase and counts towards its folder's table rows. */
public interface GateCheck {

    /**
     * When a check runs: the gate runs every folder's checks of one stage before any check of the
     * next (a stage may need what an earlier one left, e.g. chaos traces for TLC), folders in
     * name order within a stage.
     */
    enum Stage { MODEL_CHECK, CHAOS, LINEARIZABILITY, COVERAGE, TRACE_VALIDATION }

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

    default Stage stage() {
        return Stage.MODEL_CHECK;
    }
}
