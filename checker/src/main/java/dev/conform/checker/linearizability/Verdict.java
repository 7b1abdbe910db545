package dev.conform.checker.linearizability;

/** The answer of a linearizability check. */
public enum Verdict {
    /** Some order of the operations explains everything every client saw. */
    OK,
    /** No order does: the history is not linearizable. */
    ILLEGAL,
    /** The budget ran out before the search decided: never a pass. */
    UNKNOWN
}
