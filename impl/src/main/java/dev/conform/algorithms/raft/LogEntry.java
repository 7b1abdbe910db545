package dev.conform.algorithms.raft;

/**
 * One log entry: the term of the leader that created it and the command it carries. Raft does
 * not look inside {@code value}; the {@link StateMachine} gives it meaning.
 */
public record LogEntry(long term, String value) {
}
