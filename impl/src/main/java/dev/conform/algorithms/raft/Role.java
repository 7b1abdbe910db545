package dev.conform.algorithms.raft;

/** A server's role; the names are the spec's values of {@code state[i]}. */
public enum Role {
    Follower, Candidate, Leader
}
