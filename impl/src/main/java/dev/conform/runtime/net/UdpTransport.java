package dev.conform.runtime.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * UDP transport on Netty: one datagram socket per node, one datagram per frame
 * ({@link UdpDatagram}: sender, destination, the frame's JSON, and an HMAC-SHA256 tag with the
 * pair's key from {@link PairKeys}). Nothing is retransmitted, acknowledged or reordered here:
 * loss, duplication and reordering are whatever the kernel does, and algorithms that need
 * reliable delivery retransmit on their own.
 *
 * <p>A frame larger than {@link UdpDatagram#MAX_FRAME} bytes is not sent ({@link #send} returns
 * false, so the runtime records a drop) and the node's log gets one line naming its type and size.
 * A datagram that is malformed, from a sender this node shares no key with, with a tag that does
 * not match, or addressed to another node is never delivered: it is counted ({@link #rejected})
 * and logged once per claimed sender and reason. A peer counts as connected once its address is
 * known (its port file, {@link PortFiles}, re-read every {@value #REFRESH_MS} ms so a restarted
 * peer's new port is found). Non-members (clients) are answered at the address their last
 * authenticated datagram came from.
 */
public final class UdpTransport implements Transport {
    private static final long REFRESH_MS = 200;
    /** Socket buffers asked of the kernel (it may grant less): room for bursts of full datagrams. */
    private static final int SOCKET_BUFFER = 4 << 20;

    private final int self;
    private final InetSocketAddress listen;
    private final Map<Integer, InetSocketAddress> configured;
    private final FrameCodec codec;
    private final PairKeys keys;
    private final Map<Integer, InetSocketAddress> known = new ConcurrentHashMap<>();
    private final Map<Integer, InetSocketAddress> replyRoutes = new ConcurrentHashMap<>();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private final AtomicLong rejected = new AtomicLong();
    private EventLoopGroup group;
    private Channel channel;
    private volatile boolean closed;
    private volatile Consumer<Frame> inbound;
    private volatile Path portDir;
    private volatile Supplier<? extends ChannelHandler> tap;

    /**
     * {@code peers} holds every member's address, this node's own included (port 0: the OS picks
     * at bind time; a peer's port 0 is read from its port file). {@code keys} null turns
     * authentication off (in-process tests only).
     */
    public UdpTransport(int self, Map<Integer, InetSocketAddress> peers, FrameCodec codec, PairKeys keys) {
        this.self = self;
        this.listen = peers.get(self);
        if (listen == null) {
            throw new IllegalArgumentException("no address for node " + self);
        }
        this.configured = Map.copyOf(peers);
        this.codec = codec;
        this.keys = keys;
    }

    /** The transport of member {@code self} with its key row from {@code credentials} (null: unauthenticated). */
    static UdpTransport open(int self, Map<Integer, InetSocketAddress> peers, FrameCodec codec, Path credentials) {
        try {
            return new UdpTransport(self, peers, codec, credentials == null ? null : PairKeys.forNode(credentials, self));
        } catch (IOException e) {
            throw new IllegalStateException("node " + self + " cannot load its UDP keys: " + e.getMessage());
        }
    }

    @Override
    public void portFiles(Path dir) {
        this.portDir = dir;
    }

    /** Puts a handler from {@code tap} first in the datagram pipeline (call before start; see {@link DatagramTap}). */
    public void tapDatagrams(Supplier<? extends ChannelHandler> tap) {
        this.tap = tap;
    }

    @Override
    public void start(Consumer<Frame> handler) throws Exception {
        this.inbound = handler;
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
                .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
                // Netty's default reads 2,048 bytes of a datagram and drops the rest: read whole ones.
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(UdpDatagram.MAX_DATAGRAM))
                .handler(DatagramTap.wrap(tap, new Inbound()))
                .bind(listen).sync().channel();
        if (portDir != null) {
            PortFiles.write(portDir, self, localAddress().getPort());
        }
        refresh();
        group.scheduleWithFixedDelay(this::refresh, REFRESH_MS, REFRESH_MS, TimeUnit.MILLISECONDS);
    }

    /** The address actually bound. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Looks peers' addresses up again (a restarted peer publishes a new port). */
    private void refresh() {
        configured.forEach((id, a) -> {
            if (id != self) {
                InetSocketAddress r = PortFiles.resolve(a, id, portDir);
                if (r.getPort() != 0) {
                    known.put(id, r);
                }
            }
        });
    }

    @Override
    public boolean send(Frame frame) {
        try {
            if (closed) {
                return false;
            }
            InetSocketAddress to = configured.containsKey(frame.to()) ? known.get(frame.to()) : replyRoutes.get(frame.to());
            if (to == null) {
                return false;
            }
            byte[] json = codec.encode(frame);
            if (json.length > UdpDatagram.MAX_FRAME) {
                System.err.println("node " + self + ": " + frame.type() + " message of " + json.length
                        + " bytes to " + frame.to() + " not sent: over UDP a frame holds at most "
                        + UdpDatagram.MAX_FRAME + " bytes (one datagram)");
                return false;
            }
            byte[] d = UdpDatagram.seal(self, frame.to(), json, keys == null ? null : keys.macFor(frame.to()));
            channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(d), to));
            return true;
        } catch (Throwable t) {
            return false;
        }
    }

    /** True once {@code peer}'s address is known (UDP needs no connection). */
    @Override
    public boolean connected(int peer) {
        return known.containsKey(peer);
    }

    @Override
    public long rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (channel != null) {
                channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
            if (group != null) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        } catch (Throwable t) {
            // closing must not throw
        }
    }

    private void reject(int claimed, InetSocketAddress sender, String reason) {
        rejected.incrementAndGet();
        String key = claimed + "|" + reason.replaceAll("[0-9]+ bytes", "");
        if (logged.add(key)) {
            System.err.println("node " + self + ": rejected a UDP datagram from " + sender + ": " + reason
                    + " (further ones like it are counted, not logged)");
        }
    }

    private final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            byte[] d = ByteBufUtil.getBytes(packet.content());
            InetSocketAddress sender = packet.sender();
            UdpDatagram.Opened o;
            Frame f;
            try {
                o = UdpDatagram.open(d, self, keys);
            } catch (UdpDatagram.Rejected r) {
                reject(d.length >= 5 ? java.nio.ByteBuffer.wrap(d, 1, 4).getInt() : -1, sender, r.getMessage());
                return;
            }
            try {
                f = codec.decode(o.frame());
            } catch (Exception e) {
                reject(o.from(), sender, "undecodable frame: " + e.getMessage());
                return;
            }
            if (f.from() != o.from() || f.to() != o.to()) {
                reject(o.from(), sender, "frame names " + f.from() + " -> " + f.to() + " inside a datagram "
                        + o.from() + " -> " + o.to());
                return;
            }
            if (!configured.containsKey(f.from())) {
                replyRoutes.put(f.from(), sender);
            }
            Consumer<Frame> h = inbound;
            if (h != null && !closed) {
                h.accept(f);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a datagram socket stays open: one bad read is not the end of the channel
        }
    }
}
