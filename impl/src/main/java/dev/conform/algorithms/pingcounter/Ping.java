package dev.conform.algorithms.pingcounter;

/** The one message: the sender's counter when it sent it (trace type {@code Ping}, body {@code {"val": n}}). */
public record Ping(int val) {
}
