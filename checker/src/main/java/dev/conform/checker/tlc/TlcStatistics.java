package dev.conform.checker.tlc;

/**
 * TLC's final statistics; a field is null when TLC did not report it (e.g. no depth after a
 * liveness check).
 */
public record TlcStatistics(Long distinctStates, Long statesGenerated, Long queueLeft, Long depth) {
    public static final TlcStatistics NONE = new TlcStatistics(null, null, null, null);
}
