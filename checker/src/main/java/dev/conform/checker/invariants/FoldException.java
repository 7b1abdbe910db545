package dev.conform.checker.invariants;

/** Thrown by a {@link StateFolder} for an event that is impossible in the current state. */
public final class FoldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FoldException(String message) {
        super(message);
    }
}
