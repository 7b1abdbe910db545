package dev.conform.runtime.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * TCP transport on Netty: one listening socket per node, one outgoing connection per peer,
 * 4-byte length-prefixed JSON frames. Outgoing connections are opened at start and re-opened
 * with a capped back-off whenever they fail or break; frames for a peer without a live
 * connection are dropped (send returns false). One I/O thread does all socket work.
 *
 * <p>Senders that are not configured peers (clients such as {@code conform cluster client}, which
 * have no listening address) are answered on the connection their last frame came in on: a
 * reply route per sender id, forgotten when that connection closes.
 *
 * <p>With an identity ({@link TlsCredentials}) every connection is mutual TLS 1.3: both ends
 * present certificates chaining to the cluster CA. A node keeps an outgoing connection only if
 * the server's CN names the peer it dialled, and accepts a frame only if the connection's CN may
 * claim the frame's {@code from} ({@link PeerIdentity}); any other connection is closed, counted
 * in {@link #rejected} and logged. Without an identity (in-process tests) TCP stays plain.
 */
public final class NettyTransport implements Transport {
    private static final int MAX_FRAME = 16 << 20;
    private static final long MIN_BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 1000;

    private final int self;
    private final InetSocketAddress listen;
    private final Map<Integer, InetSocketAddress> peers;
    private final FrameCodec codec;
    private static final AttributeKey<PeerIdentity> PEER = AttributeKey.valueOf("conform.peer");
    private final SslContext serverTls;
    private final SslContext clientTls;
    private final Rejections rejections;
    private final Map<Integer, Channel> out = new ConcurrentHashMap<>();
    private final Map<Integer, Long> backoff = new ConcurrentHashMap<>();
    private final Map<Integer, Channel> replyRoutes = new ConcurrentHashMap<>();
    private EventLoopGroup group;
    private Channel server;
    private Bootstrap client;
    private volatile boolean closed;
    private volatile Consumer<Frame> inbound;
    private volatile java.nio.file.Path portDir;

    /**
     * {@code peers} holds every node's address, this node's own included (where it listens). Port 0
     * for this node lets the OS pick a free port at bind time; port 0 for a peer means "read it from
     * its port file" (see {@link #portFiles}).
     */
    public NettyTransport(int self, Map<Integer, InetSocketAddress> peers, FrameCodec codec) {
        this(self, peers, codec, null);
    }

    /** As above; with {@code identity} non-null every connection is mutual TLS (see the class comment). */
    public NettyTransport(int self, Map<Integer, InetSocketAddress> peers, FrameCodec codec,
                          TlsCredentials.Identity identity) {
        this.self = self;
        this.rejections = new Rejections("node " + self);
        try {
            this.serverTls = identity == null ? null : TlsContexts.tcpServer(identity);
            this.clientTls = identity == null ? null : TlsContexts.tcpClient(identity);
        } catch (javax.net.ssl.SSLException e) {
            throw new IllegalStateException("node " + self + ": cannot set up TLS: " + e.getMessage());
        }
        this.listen = peers.get(self);
        if (listen == null) {
            throw new IllegalArgumentException("no address for node " + self);
        }
        this.peers = Map.copyOf(peers);
        this.codec = codec;
    }

    /**
     * Call before {@link #start}: once bound, this node writes its port to {@code dir} (see
     * {@link PortFiles}), and peers given port 0 are looked up there on every (re)connect.
     */
    @Override
    public void portFiles(java.nio.file.Path dir) {
        this.portDir = dir;
    }

    @Override
    public void start(Consumer<Frame> handler) throws Exception {
        this.inbound = handler;
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (serverTls != null) {
                            ch.pipeline().addLast(serverTls.newHandler(ch.alloc()), new Authenticated());
                        }
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4),
                                new LengthFieldPrepender(4), new Inbound());
                    }
                })
                .bind(listen).sync().channel();
        if (portDir != null) {
            PortFiles.write(portDir, self, localAddress().getPort());
        }
        client = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (clientTls != null) {
                            ch.pipeline().addLast(clientTls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new LengthFieldPrepender(4), new Discard());
                    }
                });
        for (int peer : peers.keySet()) {
            if (peer != self) {
                connect(peer);
            }
        }
    }

    /** The address actually listened on. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    private void connect(int peer) {
        if (closed) {
            return;
        }
        InetSocketAddress address = PortFiles.resolve(peers.get(peer), peer, portDir);
        if (address.getPort() == 0) {
            retry(peer); // the peer has not bound its port yet
            return;
        }
        try {
            ChannelFuture f = client.connect(address);
            f.addListener(done -> {
                if (done.isSuccess()) {
                    Channel ch = f.channel();
                    ch.closeFuture().addListener(c -> {
                        out.remove(peer, ch);
                        retry(peer);
                    });
                    SslHandler tls = ch.pipeline().get(SslHandler.class);
                    if (tls == null) {
                        connected(peer, ch);
                    } else {
                        tls.handshakeFuture().addListener(h -> {
                            if (!h.isSuccess()) {
                                if (Rejections.isAuthenticationFailure(h.cause())) {
                                    rejections.reject("node " + peer + " at " + address, Rejections.handshakeFailure(h.cause()));
                                }
                                ch.close();
                                return;
                            }
                            PeerIdentity who = PeerIdentity.of(tls.engine().getSession());
                            if (who == null || !who.isNode(peer)) {
                                rejections.reject("node " + peer + " at " + address, "its certificate names "
                                        + (who == null ? "no one" : who.commonName()) + ", not node-" + peer);
                                ch.close();
                                return;
                            }
                            connected(peer, ch);
                        });
                    }
                } else {
                    retry(peer);
                }
            });
        } catch (RuntimeException e) {
            retry(peer);
        }
    }

    private void connected(int peer, Channel ch) {
        backoff.remove(peer);
        out.put(peer, ch);
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

    @Override
    public boolean send(Frame frame) {
        try {
            Channel ch = peers.containsKey(frame.to()) ? out.get(frame.to()) : replyRoutes.get(frame.to());
            if (ch == null || !ch.isActive() || closed) {
                return false;
            }
            ByteBuf buf = Unpooled.wrappedBuffer(codec.encode(frame));
            ch.writeAndFlush(buf);
            return true;
        } catch (Throwable t) {
            return false;
        }
    }

    /** True when an outgoing connection to {@code peer} is up. */
    @Override
    public boolean connected(int peer) {
        Channel ch = out.get(peer);
        return ch != null && ch.isActive();
    }

    /** Connections and frames refused for failed authentication (handshake, CN, claimed id). */
    @Override
    public long rejected() {
        return rejections.count();
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) {
                server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
            for (Channel ch : out.values()) {
                ch.close();
            }
            for (Channel ch : replyRoutes.values()) {
                ch.close();
            }
            if (group != null) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        } catch (Throwable t) {
            // closing must not throw
        }
    }

    /** Inbound frames to the handler; like {@link Discard}, a broken connection is closed. */
    private final class Inbound extends Discard {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
            Frame f;
            try {
                f = codec.decode(ByteBufUtil.getBytes(msg));
            } catch (Exception e) {
                System.err.println("node " + self + ": dropping bad frame from " + ctx.channel().remoteAddress()
                        + ": " + e.getMessage());
                return;
            }
            if (serverTls != null) {
                PeerIdentity who = ctx.channel().attr(PEER).get();
                if (who == null || !who.mayClaim(f.from(), peers.keySet())) {
                    rejections.reject(who == null ? "an unauthenticated peer" : who.commonName(),
                            "it claims to be node " + f.from());
                    ctx.close();
                    return;
                }
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

    /**
     * On an accepted TLS connection: remembers the peer's identity once the handshake succeeds;
     * a handshake that failed authentication (no certificate, not from the cluster CA) is counted,
     * and a failed one is closed either way.
     */
    private final class Authenticated extends io.netty.channel.ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent e) {
                if (e.isSuccess()) {
                    SslHandler tls = ctx.pipeline().get(SslHandler.class);
                    ctx.channel().attr(PEER).set(PeerIdentity.of(tls.engine().getSession()));
                } else {
                    if (Rejections.isAuthenticationFailure(e.cause())) {
                        rejections.reject("a peer at " + hostOf(ctx.channel()), Rejections.handshakeFailure(e.cause()));
                    }
                    ctx.close();
                }
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // the handshake event above has counted a TLS failure
        }
    }

    private static String hostOf(Channel ch) {
        return ch.remoteAddress() instanceof InetSocketAddress a ? a.getHostString() : String.valueOf(ch.remoteAddress());
    }

    /** Outgoing connections carry nothing back; a broken one is closed (and so re-opened). */
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
