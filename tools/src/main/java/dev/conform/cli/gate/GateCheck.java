package dev.conform.cli.gate;

/** One runnable gate check; becomes one row of the table and one JUnit testcase. */
public interface GateCheck {

    /** The JUnit suite (the spec folder's name). */
    String suite();

    /** What is checked, e.g. {@code MCLamportClocks.tla}. */
    String name();

    /** Runs the check; must not throw for failures of the thing checked (they are outcomes). */
    GateOutcome run();
}
