package dev.conform.tracing.merge;

/**
 * Per-node traces cannot be merged into one causal order: a node's own clock skips or
 * repeats, an event knows of events its peer never recorded (gap), events wait on each other
 * (cycle), or a delivery is ordered before its send (contradiction). The message is one line
 * naming the positions involved ({@code file:line}).
 */
public final class TraceMergeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TraceMergeException(String message) {
        super(message);
    }
}
