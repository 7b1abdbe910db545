package dev.conform.runtime.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import java.util.function.Supplier;

/**
 * An optional handler put first in a datagram channel's pipeline, ahead of the transport's own
 * handler, so it sees every datagram last on the way out and first on the way in. The transport
 * benchmark injects packet loss with it (kernels without netem); nodes never set one.
 */
final class DatagramTap {
    private DatagramTap() {
    }

    /** {@code handler} alone when {@code tap} is null, else a fresh tap followed by {@code handler}. */
    static ChannelHandler wrap(Supplier<? extends ChannelHandler> tap, ChannelHandler handler) {
        if (tap == null) {
            return handler;
        }
        return new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(tap.get(), handler);
            }
        };
    }
}
