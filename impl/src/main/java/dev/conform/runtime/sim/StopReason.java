package dev.conform.runtime.sim;

/** Why a simulated run ended. */
public enum StopReason {
    /** The algorithm's stop condition held. */
    STOP_CONDITION,
    /** The step budget was spent. */
    STEP_BUDGET,
    /** The next event lay beyond the time budget. */
    TIME_BUDGET,
    /** Nothing was left to happen: no message in flight, no timer set, no fault pending. */
    QUIESCENT
}
