package dev.conform.checker.tlc;

/** The outcome of one TLC run. Only {@link #OK} is a pass. */
public enum Verdict {
    OK,
    INVARIANT_VIOLATED,
    PROPERTY_VIOLATED,
    DEADLOCK,
    ASSUMPTION_FAILED,
    PARSE_ERROR,
    SEMANTIC_ERROR,
    EVALUATION_ERROR,
    TLC_CRASH,
    TIMEOUT,
    OUT_OF_MEMORY;

    /** A property of the spec failed: the model check itself worked and found a bug. */
    public boolean isViolation() {
        return this == INVARIANT_VIOLATED || this == PROPERTY_VIOLATED || this == DEADLOCK
                || this == ASSUMPTION_FAILED;
    }

    /** The input (spec, config, library path) is wrong. */
    public boolean isBadInput() {
        return this == PARSE_ERROR || this == SEMANTIC_ERROR;
    }
}
