package dev.conform.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A datagram tap (the transport benchmark's loss injection) sees every outgoing datagram of a
 * UDP or QUIC transport: what it discards never arrives, what it passes does, and inbound
 * datagrams go through it untouched.
 */
class DatagramTapTest {
    record Note(String text) {
    }

    private static final FrameCodec CODEC = new FrameCodec(Map.of("Note", Note.class));
    private static final Map<Integer, InetSocketAddress> PEERS = Map.of(1, new InetSocketAddress("127.0.0.1", 0),
            2, new InetSocketAddress("127.0.0.1", 0));

    @TempDir
    Path dir;

    /** Counts outgoing datagrams and discards them while {@code drop} is set. */
    private static final class Tap extends ChannelOutboundHandlerAdapter {
        private final AtomicBoolean drop;
        private final AtomicLong seen;

        Tap(AtomicBoolean drop, AtomicLong seen) {
            this.drop = drop;
            this.seen = seen;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof DatagramPacket) {
                seen.incrementAndGet();
                if (drop.get()) {
                    ReferenceCountUtil.release(msg);
                    promise.trySuccess();
                    return;
                }
            }
            ctx.write(msg, promise);
        }
    }

    private static Frame note(long id, int from, int to) {
        return new Frame(id, from, to, "Note", new Note("n" + id), 1, Map.of(from, 1L));
    }

    @Test
    void udpDatagramsTheTapDropsNeverArrive() throws Exception {
        Path creds = dir.resolve("credentials");
        ClusterCredentials.create(creds, List.of(1, 2));
        AtomicBoolean drop = new AtomicBoolean(true);
        AtomicLong seen = new AtomicLong();
        BlockingQueue<Frame> at1 = new LinkedBlockingQueue<>();
        BlockingQueue<Frame> at2 = new LinkedBlockingQueue<>();
        try (UdpTransport one = UdpTransport.open(1, PEERS, CODEC, creds);
             UdpTransport two = UdpTransport.open(2, PEERS, CODEC, creds)) {
            one.portFiles(dir);
            two.portFiles(dir);
            one.tapDatagrams(() -> new Tap(drop, seen));
            one.start(at1::add);
            two.start(at2::add);
            awaitConnected(one, 2);
            awaitConnected(two, 1);
            assertTrue(one.send(note(1, 1, 2)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen.get() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, seen.get(), "the tap saw the datagram");
            assertTrue(two.send(note(2, 2, 1)));
            Frame in = at1.poll(30, TimeUnit.SECONDS);
            assertNotNull(in, "inbound datagrams pass the tap");
            assertEquals(2, in.id());
            drop.set(false);
            assertTrue(one.send(note(3, 1, 2)));
            Frame out = at2.poll(30, TimeUnit.SECONDS);
            assertNotNull(out, "a datagram the tap passes arrives");
            assertEquals(3, out.id(), "the dropped one never did");
        }
    }

    @Test
    void quicTrafficGoesThroughTheTap() throws Exception {
        Path creds = dir.resolve("credentials");
        ClusterCredentials.create(creds, List.of(1, 2));
        AtomicLong seen = new AtomicLong();
        BlockingQueue<Frame> at2 = new LinkedBlockingQueue<>();
        try (QuicTransport one = Transports.openQuic(1, PEERS, CODEC, creds, QuicTransport.Streams.PER_PEER);
             Transport two = Transports.open(TransportKind.QUIC, 2, PEERS, CODEC, creds)) {
            one.portFiles(dir);
            two.portFiles(dir);
            one.tapDatagrams(() -> new Tap(new AtomicBoolean(false), seen));
            two.start(at2::add);
            one.start(f -> { });
            awaitConnected(one, 2);
            long before = seen.get();
            assertTrue(before > 0, "the handshake's datagrams went through the tap");
            assertTrue(one.send(note(4, 1, 2)));
            Frame f = at2.poll(30, TimeUnit.SECONDS);
            assertNotNull(f, "frames still arrive through a passing tap");
            assertEquals(4, f.id());
            assertTrue(seen.get() > before, "the frame's datagram went through the tap");
        }
    }

    private static void awaitConnected(Transport t, int peer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!t.connected(peer) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(t.connected(peer), "connected to " + peer);
    }
}
