package dev.conform.runtime.sim;

/** A node's handler threw: an algorithm bug, reported with where and when it happened. */
public final class NodeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int node;
    private final long time;

    public NodeFailure(int node, long time, String during, Throwable cause) {
        super("node " + node + " failed at t=" + time + " handling " + during + ": " + cause, cause);
        this.node = node;
        this.time = time;
    }

    public int node() {
        return node;
    }

    public long time() {
        return time;
    }
}
