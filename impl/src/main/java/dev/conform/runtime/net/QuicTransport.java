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
import io.netty.handler.codec.quic.InsecureQuicTokenHandler;
import io.netty.handler.codec.quic.Quic;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicClientCodecBuilder;
import io.netty.handler.codec.quic.QuicServerCodecBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.handler.codec.quic.QuicStreamType;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * QUIC transport on Netty's native QUIC codec (quiche + BoringSSL): one UDP socket listening for
 * peers' connections and one QUIC connection per directed link (each outgoing one from its own UDP
 * socket, like a TCP connection), mutual TLS 1.3 with the cluster's certificates ({@link TlsCredentials}).
 * Frames are 4-byte length-prefixed JSON, as on TCP, written to a bidirectional stream.
 *
 * <p>Streams ({@link Streams}): by default one stream per link, so a link is FIFO and exactly-once
 * while its connection lasts, TCP's guarantee (what algorithms written for reliable FIFO links
 * and the contract suite's reliable expectations assume). With
 * {@link Streams#PER_MESSAGE_TYPE} each message type gets its own stream on the link: a lost packet
 * of one stream does not hold up the others (no head-of-line blocking across types), at the price
 * of FIFO across types.
 *
 * <p>Authentication as on TCP+TLS: a peer's certificate must chain to the cluster CA (refusals
 * are counted where the native handshake asks {@link ClusterTrust}); an outgoing connection is
 * kept only if the server's CN names the peer dialled; an inbound frame is accepted only if the
 * connection's CN may claim its {@code from} ({@link PeerIdentity}). Broken connections are
 * re-opened with a capped back-off; frames for a peer without a connection are dropped (send
 * returns false). Non-member clients are answered on the stream their last frame came in on.
 * The native library must load: if it does not, the constructor throws (the node exits 3).
 */
public final class QuicTransport implements Transport {
    /** How frames of one link are spread over QUIC streams. */
    public enum Streams {
        /** One stream per link: FIFO per link, as on TCP (the default). */
        PER_PEER,
        /** One stream per link and message type: no head-of-line blocking across types. */
        PER_MESSAGE_TYPE
    }

    private static final int MAX_FRAME = 16 << 20;
    private static final long MIN_BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 1000;
    /**
     * A killed peer sends nothing (UDP has no reset): its connections close after this long without
     * a packet from it, and the link is re-dialled (to its new port once it restarts). Quiet links
     * stay open through keep-alives: an empty frame on each link every {@link #KEEPALIVE_MILLIS}.
     */
    private static final long IDLE_TIMEOUT_MILLIS = 5_000;
    private static final long KEEPALIVE_MILLIS = 1_000;
    /** Connections themselves carry nothing but streams; one handler serves them all. */
    private static final ChannelHandler CONNECTION = new Connection();
    private static final AttributeKey<PeerIdentity> PEER = AttributeKey.valueOf("conform.quic.peer");

    private final int self;
    private final InetSocketAddress listen;
    private final Map<Integer, InetSocketAddress> peers;
    private final FrameCodec codec;
    private final Streams streams;
    private final TlsCredentials.Identity identity;
    private final Rejections rejections;
    private final Map<Integer, QuicChannel> out = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, Future<QuicStreamChannel>>> outStreams = new ConcurrentHashMap<>();
    private final Map<Integer, Long> backoff = new ConcurrentHashMap<>();
    private final Map<Integer, Channel> replyRoutes = new ConcurrentHashMap<>();
    private EventLoopGroup group;
    private Channel server;
    /** Outgoing connections: each has its own UDP socket (one QUIC client codec per socket). */
    private QuicClientCodecBuilder dialing;
    private volatile boolean closed;
    private volatile Consumer<Frame> inbound;
    private volatile Path portDir;
    private volatile Supplier<? extends ChannelHandler> tap;

    /** {@code peers} as for {@link NettyTransport}; {@code identity} is this node's certificate and key. */
    public QuicTransport(int self, Map<Integer, InetSocketAddress> peers, FrameCodec codec,
                         TlsCredentials.Identity identity, Streams streams) {
        requireNativeQuic(); // fail closed: no native QUIC, no node
        this.self = self;
        this.listen = peers.get(self);
        if (listen == null) {
            throw new IllegalArgumentException("no address for node " + self);
        }
        this.peers = Map.copyOf(peers);
        this.codec = codec;
        this.identity = java.util.Objects.requireNonNull(identity, "QUIC needs a TLS identity");
        this.streams = streams;
        this.rejections = new Rejections("node " + self);
    }

    /**
     * Throws IllegalStateException naming the cause when the native QUIC library did not load
     * (an exception, not the library's UnsatisfiedLinkError, so that a node reports it and exits 3).
     */
    static void requireNativeQuic() {
        if (!Quic.isAvailable()) {
            Throwable cause = Quic.unavailabilityCause();
            throw new IllegalStateException("the native QUIC library (netty-codec-native-quic, linux-x86_64) did not load: "
                    + (cause == null ? "unknown cause" : cause.toString()));
        }
    }

    @Override
    public void portFiles(Path dir) {
        this.portDir = dir;
    }

    /**
     * Puts a handler from {@code tap} first in every datagram pipeline, the listening socket's and
     * each dialling socket's (call before start; see {@link DatagramTap}).
     */
    public void tapDatagrams(Supplier<? extends ChannelHandler> tap) {
        this.tap = tap;
    }

    @Override
    public void start(Consumer<Frame> handler) throws Exception {
        this.inbound = handler;
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        ChannelHandler serverCodec = new QuicServerCodecBuilder()
                .sslContext(TlsContexts.quicServer(identity, rejections))
                .maxIdleTimeout(IDLE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .initialMaxData(64L << 20)
                .initialMaxStreamDataBidirectionalLocal(MAX_FRAME)
                .initialMaxStreamDataBidirectionalRemote(MAX_FRAME)
                .initialMaxStreamsBidirectional(1024)
                // Address validation (a Retry) with unsigned tokens: peers are authenticated by
                // their certificates anyway; the token only proves the client's address is real.
                .tokenHandler(InsecureQuicTokenHandler.INSTANCE)
                .handler(CONNECTION)
                .streamHandler(new ChannelInitializer<QuicStreamChannel>() {
                    @Override
                    protected void initChannel(QuicStreamChannel ch) {
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4),
                                new LengthFieldPrepender(4), new Inbound());
                    }
                })
                .build();
        server = new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(DatagramTap.wrap(tap, serverCodec))
                .bind(listen).sync().channel();
        if (portDir != null) {
            PortFiles.write(portDir, self, localAddress().getPort());
        }
        dialing = new QuicClientCodecBuilder()
                .sslContext(TlsContexts.quicClient(identity, rejections))
                .maxIdleTimeout(IDLE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .initialMaxData(64L << 20)
                .initialMaxStreamDataBidirectionalLocal(MAX_FRAME)
                .initialMaxStreamDataBidirectionalRemote(MAX_FRAME)
                .initialMaxStreamsBidirectional(1024);
        for (int peer : peers.keySet()) {
            if (peer != self) {
                connect(peer);
            }
        }
        group.scheduleAtFixedRate(this::keepAlive, KEEPALIVE_MILLIS, KEEPALIVE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** An empty frame on one live stream of every link (receivers skip it; it only resets idle timers). */
    private void keepAlive() {
        for (Map<String, Future<QuicStreamChannel>> m : outStreams.values()) {
            for (Future<QuicStreamChannel> f : m.values()) {
                if (f.isSuccess() && f.getNow().isActive()) {
                    f.getNow().writeAndFlush(Unpooled.buffer(0));
                    break;
                }
            }
        }
    }

    /** The UDP address peers' QUIC connections come in on. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    private void connect(int peer) {
        if (closed) {
            return;
        }
        InetSocketAddress address = PortFiles.resolve(peers.get(peer), peer, portDir);
        if (address.getPort() == 0) {
            retry(peer);
            return;
        }
        try {
            io.netty.channel.ChannelFuture bound = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .handler(DatagramTap.wrap(tap, dialing.build())).bind(new InetSocketAddress(listen.getAddress(), 0));
            bound.addListener(b -> {
                if (b.isSuccess()) {
                    dial(peer, address, bound.channel());
                } else {
                    retry(peer);
                }
            });
        } catch (RuntimeException e) {
            retry(peer);
        }
    }

    /** Opens the QUIC connection to {@code peer} from the fresh UDP socket {@code socket}. */
    private void dial(int peer, InetSocketAddress address, Channel socket) {
        QuicChannel.newBootstrap(socket).handler(CONNECTION).streamHandler(CONNECTION).remoteAddress(address).connect()
                .addListener(done -> {
                    if (!done.isSuccess()) {
                        socket.close();
                        retry(peer);
                        return;
                    }
                    QuicChannel qc = (QuicChannel) done.getNow();
                    qc.closeFuture().addListener(c -> {
                        socket.close();
                        if (out.remove(peer, qc)) {
                            outStreams.remove(peer);
                        }
                        retry(peer);
                    });
                    PeerIdentity who = PeerIdentity.of(qc.sslEngine().getSession());
                    if (who == null || !who.isNode(peer)) {
                        rejections.reject("node " + peer + " at " + address, "its certificate names "
                                + (who == null ? "no one" : who.commonName()) + ", not node-" + peer);
                        qc.close();
                        return;
                    }
                    backoff.remove(peer);
                    outStreams.put(peer, new ConcurrentHashMap<>());
                    out.put(peer, qc);
                    if (streams == Streams.PER_PEER) {
                        stream(peer, qc, "");
                    }
                });
    }

    private void retry(int peer) {
        if (closed) {
            return;
        }
        long wait = backoff.merge(peer, MIN_BACKOFF_MS, (a, b) -> Math.min(MAX_BACKOFF_MS, a * 2));
        try {
            group.schedule(() -> connect(peer), wait, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // group shutting down: nothing left to reconnect
        }
    }

    /**
     * The outgoing stream {@code key} of the link to {@code peer}, opened on first use and opened
     * again if it failed or was closed (what was written to the dead one is lost, as with a broken link).
     */
    private Future<QuicStreamChannel> stream(int peer, QuicChannel qc, String key) {
        Map<String, Future<QuicStreamChannel>> m = outStreams.get(peer);
        if (m == null) {
            return null;
        }
        return m.compute(key, (k, old) -> old != null && !(old.isDone() && (!old.isSuccess() || !old.getNow().isActive()))
                ? old : qc.createStream(QuicStreamType.BIDIRECTIONAL,
                new ChannelInitializer<QuicStreamChannel>() {
                    @Override
                    protected void initChannel(QuicStreamChannel ch) {
                        ch.pipeline().addLast(new LengthFieldPrepender(4), new Discard());
                    }
                }));
    }

    @Override
    public boolean send(Frame frame) {
        try {
            if (closed) {
                return false;
            }
            if (!peers.containsKey(frame.to())) {
                Channel ch = replyRoutes.get(frame.to());
                if (ch == null || !ch.isActive()) {
                    return false;
                }
                ch.writeAndFlush(Unpooled.wrappedBuffer(codec.encode(frame)));
                return true;
            }
            QuicChannel qc = out.get(frame.to());
            if (qc == null || !qc.isActive()) {
                return false;
            }
            Future<QuicStreamChannel> s = stream(frame.to(), qc, streams == Streams.PER_PEER ? "" : frame.type());
            if (s == null) {
                return false;
            }
            byte[] bytes = codec.encode(frame);
            // Listeners run in the order added, on the one I/O thread: frames keep their order per stream.
            s.addListener(f -> {
                if (f.isSuccess()) {
                    ((QuicStreamChannel) f.getNow()).writeAndFlush(Unpooled.wrappedBuffer(bytes));
                }
            });
            return true;
        } catch (Throwable t) {
            return false;
        }
    }

    @Override
    public boolean connected(int peer) {
        QuicChannel qc = out.get(peer);
        return qc != null && qc.isActive();
    }

    @Override
    public long rejected() {
        return rejections.count();
    }

    @Override
    public void close() {
        closed = true;
        try {
            for (QuicChannel qc : out.values()) {
                qc.close();
            }
            for (Channel ch : replyRoutes.values()) {
                ch.close();
            }
            if (server != null) {
                server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
            if (group != null) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        } catch (Throwable t) {
            // closing must not throw
        }
    }

    /** Inbound frames on an accepted stream: authenticated against the connection's certificate, then handed on. */
    private final class Inbound extends Discard {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
            if (!msg.isReadable()) {
                return; // a keep-alive
            }
            Frame f;
            try {
                f = codec.decode(ByteBufUtil.getBytes(msg));
            } catch (Exception e) {
                System.err.println("node " + self + ": dropping bad frame from " + ((QuicStreamChannel) ctx.channel()).parent().remoteSocketAddress()
                        + ": " + e.getMessage());
                return;
            }
            QuicChannel conn = ((QuicStreamChannel) ctx.channel()).parent();
            PeerIdentity who = conn.attr(PEER).get();
            if (who == null) {
                who = PeerIdentity.of(conn.sslEngine().getSession());
                conn.attr(PEER).set(who);
            }
            if (who == null || !who.mayClaim(f.from(), peers.keySet())) {
                rejections.reject(who == null ? "an unauthenticated peer" : who.commonName(),
                        "it claims to be node " + f.from());
                conn.close();
                return;
            }
            if (!peers.containsKey(f.from())) {
                Channel ch = ctx.channel();
                if (replyRoutes.put(f.from(), ch) != ch) {
                    ch.closeFuture().addListener(c -> replyRoutes.remove(f.from(), ch));
                }
            }
            Consumer<Frame> h = inbound;
            if (h != null && !closed) {
                h.accept(f);
            }
        }
    }


    @ChannelHandler.Sharable
    private static final class Connection extends ChannelInboundHandlerAdapter {
        /** A failed handshake lands here after {@link ClusterTrust} counted it; the connection is closed. */
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** Outgoing streams carry nothing back; a broken one is closed. */
    private static class Discard extends SimpleChannelInboundHandler<ByteBuf> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
