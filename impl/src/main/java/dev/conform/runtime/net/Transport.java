package dev.conform.runtime.net;

import java.util.function.Consumer;

/**
 * Carries frames between nodes. The contract (the same one the simulated network keeps):
 * <ul>
 * <li>{@link #send} is non-blocking and never throws; it may lose the frame (peer down, connection
 * broken, unknown peer). It returns false when it knows the frame did not leave.</li>
 * <li>Frames on one link arrive in the order sent, at most once, while the connection lasts; a
 * broken connection is re-established in the background.</li>
 * <li>Inbound frames go to the consumer given to {@link #start}, which must itself not block.</li>
 * </ul>
 */
public interface Transport extends AutoCloseable {
    /** Starts listening and connecting; {@code inbound} receives every decoded frame. */
    void start(Consumer<Frame> inbound) throws Exception;

    /** Hands {@code frame} to the network towards {@code frame.to()}; see the class contract. */
    boolean send(Frame frame);

    /**
     * Whether frames to {@code peer} can leave now (a connection is up, or the transport needs
     * none); used to hold a node's first sends until its links are ready.
     */
    boolean connected(int peer);

    /**
     * Publish this node's listening port in, and look peers' ports up from, {@code dir} (call
     * before {@link #start}; see {@link PortFiles}).
     */
    void portFiles(java.nio.file.Path dir);

    /** Frames, datagrams or connections refused so far because their peer failed authentication. */
    default long rejected() {
        return 0;
    }

    /** Stops listening, closes connections; never throws. */
    @Override
    void close();
}
