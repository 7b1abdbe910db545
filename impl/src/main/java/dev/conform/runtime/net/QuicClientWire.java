package dev.conform.runtime.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicClientCodecBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client's QUIC: per server one connection (from its own UDP socket) presenting the cluster's
 * client certificate, kept only if the server's certificate chains to the cluster CA and names the
 * server dialled, and one bidirectional stream carrying 4-byte length-prefixed frames both ways
 * (servers answer non-members on the stream their request came in on, see {@link QuicTransport}).
 * One I/O thread, started on first use, serves every connection; reads block on a queue.
 */
final class QuicClientWire implements ClientWire {
    private static final int MAX_FRAME = 16 << 20;
    /** Queued when a stream closes, so a blocked read learns of it at once. */
    private static final byte[] BROKEN = new byte[0];

    private final Map<Integer, InetSocketAddress> servers;
    private final Path ports;
    private final int connectTimeoutMillis;
    private final QuicClientCodecBuilder codec;
    private final Map<Integer, Link> links = new HashMap<>();
    private EventLoopGroup group;

    QuicClientWire(Map<Integer, InetSocketAddress> servers, Path ports, int connectTimeoutMillis,
                   TlsCredentials.Identity identity) {
        QuicTransport.requireNativeQuic();
        this.servers = servers;
        this.ports = ports;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.codec = new QuicClientCodecBuilder()
                .sslContext(TlsContexts.quicClient(java.util.Objects.requireNonNull(identity, "QUIC needs the client identity"),
                        new Rejections("client")))
                .maxIdleTimeout(300, TimeUnit.SECONDS)
                .initialMaxData(64L << 20)
                .initialMaxStreamDataBidirectionalLocal(MAX_FRAME)
                .initialMaxStreamDataBidirectionalRemote(MAX_FRAME)
                .initialMaxStreamsBidirectional(16);
    }

    /** One server's connection, stream and inbound queue. */
    private record Link(Channel socket, QuicChannel connection, QuicStreamChannel stream, BlockingQueue<byte[]> inbox) {
        void close() {
            connection.close();
            socket.close();
        }
    }

    @Override
    public void send(int to, byte[] frame) throws IOException {
        Link l = link(to);
        if (!l.stream().isActive()) {
            throw new IOException("QUIC stream to server " + to + " closed");
        }
        l.stream().writeAndFlush(Unpooled.wrappedBuffer(frame));
    }

    @Override
    public byte[] receive(int from, long timeoutMillis) throws IOException {
        Link l = links.get(from);
        if (l == null) {
            return null;
        }
        byte[] b;
        try {
            b = l.inbox().poll(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (b == BROKEN) {
            throw new IOException("QUIC stream from server " + from + " closed");
        }
        return b;
    }

    private Link link(int to) throws IOException {
        Link l = links.get(to);
        if (l != null && l.connection().isActive()) {
            return l;
        }
        if (l != null) {
            reset(to);
        }
        InetSocketAddress addr = ClientWire.address(servers, ports, to);
        if (group == null) {
            group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        }
        Channel socket = null;
        QuicChannel qc = null;
        try {
            socket = new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(codec.build())
                    .bind(new InetSocketAddress(addr.getAddress(), 0)).sync().channel();
            qc = QuicChannel.newBootstrap(socket).handler(new ChannelInboundHandlerAdapter())
                    .streamHandler(new ChannelInboundHandlerAdapter()).remoteAddress(addr)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                    .connect().get(connectTimeoutMillis + 1000L, TimeUnit.MILLISECONDS);
            PeerIdentity who = PeerIdentity.of(qc.sslEngine().getSession());
            if (who == null || !who.isNode(to)) {
                throw new IOException("server " + to + " presented a certificate for "
                        + (who == null ? "no one" : who.commonName()));
            }
            BlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
            QuicStreamChannel stream = qc.createStream(QuicStreamType.BIDIRECTIONAL,
                    new ChannelInitializer<QuicStreamChannel>() {
                        @Override
                        protected void initChannel(QuicStreamChannel ch) {
                            ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4),
                                    new LengthFieldPrepender(4), new Inbox(inbox));
                        }
                    }).get(connectTimeoutMillis, TimeUnit.MILLISECONDS);
            l = new Link(socket, qc, stream, inbox);
            links.put(to, l);
            return l;
        } catch (IOException e) {
            closeQuietly(qc, socket);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(qc, socket);
            throw new IOException("interrupted connecting to server " + to);
        } catch (Exception e) {
            closeQuietly(qc, socket);
            throw new IOException("cannot reach server " + to + " over QUIC: " + e, e);
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
    public void reset(int server) {
        Link l = links.remove(server);
        if (l != null) {
            l.close();
        }
    }

    @Override
    public void close() {
        for (int s : List.copyOf(links.keySet())) {
            reset(s);
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** Collects a stream's inbound frames; a closed stream queues {@link #BROKEN}. */
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
}
