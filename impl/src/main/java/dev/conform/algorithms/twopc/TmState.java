package dev.conform.algorithms.twopc;

/** The coordinator's transaction state; the names in traces are the spec's {@code tmState}. */
public enum TmState {
    /** Nothing logged yet. */
    INIT,
    /** Prepare sent (logged as begun), collecting votes. */
    WAITING,
    /** Commit decided and logged. */
    COMMITTED,
    /** Abort decided and logged. */
    ABORTED;

    /** The TLA+ string for this state. */
    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean decided() {
        return this == COMMITTED || this == ABORTED;
    }
}
