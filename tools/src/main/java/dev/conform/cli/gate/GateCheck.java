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

    /**
     * The units of work this check does, each named so that the same unit has the same name in
     * every run of the gate over the same specs and budget: the check itself for a check that is
     * not split by seed, one per seed for the chaos checks, none for a summary (coverage). Under
     * {@code --shard K/N} the shards' units are disjoint and together those of the whole gate.
     */
    default java.util.List<String> work() {
        return java.util.List.of(suite() + "/" + name());
    }

    /** Whether the check's work is split by seed under {@code --shard} (else it goes whole to one shard). */
    default boolean splitBySeed() {
        return false;
    }
}
