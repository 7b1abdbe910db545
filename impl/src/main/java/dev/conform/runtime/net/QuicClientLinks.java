package dev.conform.runtime.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.quic.Quic;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicClientCodecBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Client links over QUIC: per server one connection (from its own UDP socket) presenting the
 * client certificate, kept only if the server's certificate names the server dialled, and one
 * bidirectional stream carrying length-prefixed frames both ways (servers answer non-members on
 * the stream their request came in on). One I/O thread serves all links; reads block on a queue.
 */
final class QuicClientLinks implements ClientLinks {
    private static final int MAX_FRAME = 16 << 20;
    private static final byte[] BROKEN = new byte[0];
    private final EventLoopGroup group;
    private final QuicClientCodecBuilder codec;

    QuicClientLinks(TlsCredentials.Identity identity) {
        Quic.ensureAvailability();
        this.codec = new QuicClientCodecBuilder()
                .sslContext(TlsContexts.quicClient(identity, new Rejections("client")))
                .maxIdleTimeout(300, TimeUnit.SECONDS)
                .initialMaxData(64L << 20)
                .initialMaxStreamDataBidirectionalLocal(MAX_FRAME)
                .initialMaxStreamDataBidirectionalRemote(MAX_FRAME)
                .initialMaxStreamsBidirectional(16);
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @Override
    public Link open(int server, InetSocketAddress address, int timeoutMillis) throws IOException {
        Channel socket = null;
        QuicChannel qc = null;
        try {
            socket = new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(codec.build())
                    .bind(new InetSocketAddress(address.getAddress(), 0)).sync().channel();
            qc = QuicChannel.newBootstrap(socket).handler(new ChannelInboundHandlerAdapter())
                    .streamHandler(new ChannelInboundHandlerAdapter()).remoteAddress(address)
                    .option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                    .connect().get(timeoutMillis + 1000L, TimeUnit.MILLISECONDS);
            PeerIdentity who = PeerIdentity.of(qc.sslEngine().getSession());
            if (who == null || !who.isNode(server)) {
                throw new IOException("server " + server + " presented a certificate for "
                        + (who == null ? "no one" : who.commonName()));
            }
            BlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
            QuicStreamChannel stream = qc.createStream(QuicStreamType.BIDIRECTIONAL, new ChannelInitializer<QuicStreamChannel>() {
                @Override
                protected void initChannel(QuicStreamChannel ch) {
                    ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4),
                            new LengthFieldPrepender(4), new Inbox(inbox));
                }
            }).get(timeoutMillis, TimeUnit.MILLISECONDS);
            return new StreamLink(socket, qc, stream, inbox);
        } catch (IOException e) {
            closeQuietly(qc, socket);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(qc, socket);
            throw new IOException("interrupted connecting to server " + server);
        } catch (Exception e) {
            closeQuietly(qc, socket);
            throw new IOException("cannot reach server " + server + " over QUIC: " + e, e);
        }
    }

    private static void closeQuietly(QuicChannel qc, Channel socket) {
        if (qc != null) {
            qc.close();
        }
        if (socket != null) {
            socket.close();
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** Collects a stream's inbound frames; a closed or failed stream queues {@link #BROKEN}. */
    @ChannelHandler.Sharable
    private static final class Inbox extends SimpleChannelInboundHandler<ByteBuf> {
        private final BlockingQueue<byte[]> queue;

        Inbox(BlockingQueue<byte[]> queue) {
            this.queue = queue;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
            queue.add(ByteBufUtil.getBytes(msg));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            queue.add(BROKEN);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private record StreamLink(Channel socket, QuicChannel connection, QuicStreamChannel stream,
                              BlockingQueue<byte[]> inbox) implements Link {
        @Override
        public void write(byte[] frame) throws IOException {
            if (!stream.isActive()) {
                throw new IOException("QUIC stream closed");
            }
            stream.writeAndFlush(Unpooled.wrappedBuffer(frame));
        }

        @Override
        public byte[] read(long timeoutMillis) throws IOException {
            byte[] b;
            try {
                b = inbox.poll(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (b == null) {
                throw new SocketTimeoutException("no frame within " + timeoutMillis + " ms");
            }
            if (b == BROKEN) {
                throw new IOException("QUIC stream closed");
            }
            return b;
        }

        @Override
        public void close() {
            closeQuietly(connection, socket);
        }
    }
}
