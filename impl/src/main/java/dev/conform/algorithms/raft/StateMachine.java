package dev.conform.algorithms.raft;

/**
 * The deterministic service replicated by Raft. Servers apply committed commands in log order,
 * so every server that applied the same prefix holds the same state.
 */
public interface StateMachine {
    /** Applies a committed command and returns its result (null allowed). */
    String apply(String command);

    /** The whole state as text, for a snapshot. */
    String snapshot();

    /** Replaces the state with a snapshot taken by {@link #snapshot()} (null: the empty state). */
    void restore(String snapshot);

    /**
     * The result already recorded for a client's command, or null when that command has not
     * been applied. Lets a leader answer a retry of an applied command at once.
     */
    default String cachedResult(int clientId, long seq) {
        return null;
    }

    /** True when the client's command {@code seq} was applied already. */
    default boolean applied(int clientId, long seq) {
        return false;
    }

    /** True when {@code op} (a client's command text) only reads the state. */
    default boolean readOnly(String op) {
        return false;
    }

    /** The answer of the read-only {@code op} in the current state, without applying anything. */
    default String query(String op) {
        throw new UnsupportedOperationException("no read-only commands");
    }
}
