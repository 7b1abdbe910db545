package dev.conform.bench;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.util.SplittableRandom;

/**
 * Real packet loss at the sender: put first in a datagram channel's pipeline (the transports'
 * {@code tapDatagrams}), it discards each outgoing datagram with probability {@link #percent}
 * (the write reports success, as the kernel does for a packet the network later drops). QUIC
 * must detect and repair the loss itself; UDP loses the frame.
 */
final class LossTap extends ChannelOutboundHandlerAdapter {
    /** Loss in percent, changed between runs; shared by every tap of a process. */
    static volatile double percent;
    private final SplittableRandom random;

    LossTap(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof DatagramPacket && random.nextDouble() * 100 < percent) {
            ReferenceCountUtil.release(msg);
            promise.trySuccess();
            return;
        }
        ctx.write(msg, promise);
    }
}
