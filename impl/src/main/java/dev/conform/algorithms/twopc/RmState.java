package dev.conform.algorithms.twopc;

/** A participant's transaction state; the names in traces are the spec's {@code rmState}. */
public enum RmState {
    /** Doing the transaction's work, has not voted. */
    WORKING,
    /** Voted yes and logged it: uncertain until it learns the decision. */
    PREPARED,
    /** Committed and logged. */
    COMMITTED,
    /** Aborted and logged (voted no, aborted unilaterally, or learned abort). */
    ABORTED;

    /** The TLA+ string for this state. */
    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean decided() {
        return this == COMMITTED || this == ABORTED;
    }
}
