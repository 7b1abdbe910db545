package dev.conform.algorithms.twopc;

/**
 * Deliberate mistakes that can be switched on to watch the checkers catch them. None is on by
 * default. Each has a counterpart in {@code specs/twopc/TwoPhase.tla} (constant {@code Flaw}).
 */
public enum TwoPhaseFlaw {
    /**
     * The coordinator commits as soon as one yes vote is in, without waiting for the others.
     * Breaks CommitValidity (and, once another participant votes no, Consistency).
     */
    COMMIT_BEFORE_ALL_VOTES,

    /**
     * A participant restarting after a crash ignores the yes vote it had logged and presumes
     * abort, although the coordinator may already have counted that vote and committed.
     * Breaks Consistency.
     */
    FORGET_VOTE_ON_RESTART,

    /**
     * The coordinator arms no vote timer: while a vote is missing it waits for ever instead of
     * aborting. Every trace it records is still a behaviour of the spec (the spec allows the
     * coordinator to wait), so trace validation passes it; it refuses a step the spec allows
     * (TMAbort while waiting), which {@code conform mbt twopc} finds. No counterpart in the spec.
     */
    NEVER_TIMES_OUT
}
