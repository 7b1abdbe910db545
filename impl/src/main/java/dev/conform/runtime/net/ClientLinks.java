package dev.conform.runtime.net;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * How a {@link NetClient} reaches one server: a blocking, bidirectional link carrying whole frames
 * (the JSON bytes of one {@link Frame}). One implementation per transport; {@link Transports#clientLinks}
 * picks it.
 */
public interface ClientLinks extends AutoCloseable {
    /** Opens a link to server {@code server} at {@code address}, authenticated where the transport is. */
    Link open(int server, InetSocketAddress address, int timeoutMillis) throws IOException;

    /** Releases what the links share (threads, sockets). Never throws. */
    @Override
    void close();

    /** One open link. */
    interface Link {
        /** Sends one frame's bytes. */
        void write(byte[] frame) throws IOException;

        /** The next frame's bytes; throws (e.g. SocketTimeoutException) when none comes in time or the link broke. */
        byte[] read(long timeoutMillis) throws IOException;

        /** Never throws. */
        void close();
    }
}
