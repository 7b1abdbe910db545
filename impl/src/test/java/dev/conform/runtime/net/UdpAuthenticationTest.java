package dev.conform.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A UDP node delivers only datagrams its peer authenticated: a wrong key, an unknown sender, a
 * tampered byte, a frame lying about its sender and garbage are each rejected and counted, and
 * the node goes on delivering authentic frames. Oversized frames are not sent.
 */
class UdpAuthenticationTest {
    record Note(String text) {
    }

    private static final FrameCodec CODEC = new FrameCodec(Map.of("Note", Note.class));

    @TempDir
    Path dir;

    private static Frame note(long id, int from, int to, String text) {
        return new Frame(id, from, to, "Note", new Note(text), 1, Map.of(from, 1L));
    }

    private static void send(DatagramSocket s, byte[] d, InetSocketAddress to) throws Exception {
        s.send(new DatagramPacket(d, d.length, to));
    }

    @Test
    void forgedDatagramsAreRejectedAndTheNodeKeepsWorking() throws Exception {
        Path creds = dir.resolve("credentials");
        Path foreign = dir.resolve("other-cluster");
        ClusterCredentials.create(creds, List.of(1, 2, 3));
        ClusterCredentials.create(foreign, List.of(1, 2, 3));
        PairKeys two = PairKeys.forNode(creds, 2);
        PairKeys stolen = PairKeys.forNode(foreign, 2);
        Map<Integer, InetSocketAddress> peers = Map.of(1, new InetSocketAddress("127.0.0.1", 0),
                2, new InetSocketAddress("127.0.0.1", 0), 3, new InetSocketAddress("127.0.0.1", 0));
        BlockingQueue<Frame> got = new LinkedBlockingQueue<>();
        try (UdpTransport node = UdpTransport.open(1, peers, CODEC, creds);
             DatagramSocket attacker = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            node.start(got::add);
            InetSocketAddress at = node.localAddress();
            byte[] json = CODEC.encode(note(7, 2, 1, "hi"));
            send(attacker, UdpDatagram.seal(2, 1, json, stolen.macFor(1)), at); // wrong key
            send(attacker, UdpDatagram.seal(50, 1, CODEC.encode(note(8, 50, 1, "who")), stolen.macFor(1)), at); // unknown
            byte[] tampered = UdpDatagram.seal(2, 1, json, two.macFor(1));
            tampered[UdpDatagram.HEADER + json.length - 3] ^= 1;
            send(attacker, tampered, at); // altered after tagging
            send(attacker, UdpDatagram.seal(2, 1, CODEC.encode(note(9, 3, 1, "as 3")), two.macFor(1)), at); // lies
            send(attacker, new byte[] {1, 2, 3}, at); // garbage
            send(attacker, UdpDatagram.seal(2, 1, json, null), at); // no tag at all
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (node.rejected() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(6, node.rejected(), "every forged datagram was counted");
            assertTrue(got.isEmpty(), "nothing forged reached the node: " + got);

            send(attacker, UdpDatagram.seal(2, 1, json, two.macFor(1)), at);
            Frame f = got.poll(30, TimeUnit.SECONDS);
            assertEquals(7, f.id(), "an authentic frame still arrives");
            assertEquals(new Note("hi"), f.body());
            assertEquals(6, node.rejected());
            assertNull(got.poll(200, TimeUnit.MILLISECONDS), "and only it");
        }
    }

    @Test
    void aFrameLargerThanOneDatagramIsNotSent() throws Exception {
        Map<Integer, InetSocketAddress> peers = Map.of(1, new InetSocketAddress("127.0.0.1", 0),
                2, new InetSocketAddress("127.0.0.1", 0));
        Path ports = dir.resolve("ports");
        BlockingQueue<Frame> got = new LinkedBlockingQueue<>();
        try (UdpTransport one = new UdpTransport(1, peers, CODEC, null);
             UdpTransport two = new UdpTransport(2, peers, CODEC, null)) {
            one.portFiles(ports);
            two.portFiles(ports);
            two.start(got::add);
            one.start(f -> { });
            assertTrue(one.connected(2), "node 2's port file was already there");
            String fits = "x".repeat(UdpDatagram.MAX_FRAME - CODEC.encode(note(1, 1, 2, "")).length);
            assertTrue(one.send(note(1, 1, 2, fits)), "a frame of exactly the limit is sent");
            assertEquals(UdpDatagram.MAX_FRAME, CODEC.encode(note(1, 1, 2, fits)).length);
            assertFalse(one.send(note(2, 1, 2, fits + "y")), "one byte more is refused");
            Frame f = got.poll(30, TimeUnit.SECONDS);
            assertEquals(1, f.id());
            assertNull(got.poll(200, TimeUnit.MILLISECONDS));
        }
    }
}
