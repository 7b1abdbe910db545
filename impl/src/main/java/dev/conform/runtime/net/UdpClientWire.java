package dev.conform.runtime.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A client's UDP: one datagram socket for all servers, datagrams sealed with the client
 * identity's key row ({@link PairKeys#forClient}); servers answer at the address the request
 * came from. A datagram from another server than the one waited for is kept for later; one
 * that fails authentication is dropped and counted.
 */
final class UdpClientWire implements ClientWire {
    private final int self;
    private final Map<Integer, InetSocketAddress> servers;
    private final Path ports;
    private final PairKeys keys;
    private final DatagramSocket socket;
    private final Map<Integer, ArrayDeque<byte[]>> early = new HashMap<>();
    private final byte[] buffer = new byte[UdpDatagram.MAX_DATAGRAM];
    private long rejected;

    UdpClientWire(int self, Map<Integer, InetSocketAddress> servers, Path ports, PairKeys keys) throws IOException {
        this.self = self;
        this.servers = servers;
        this.ports = ports;
        this.keys = keys;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @Override
    public void send(int to, byte[] frame) throws IOException {
        if (frame.length > UdpDatagram.MAX_FRAME) {
            throw new IOException("a frame of " + frame.length + " bytes exceeds the UDP limit of "
                    + UdpDatagram.MAX_FRAME);
        }
        byte[] d = UdpDatagram.seal(self, to, frame, keys == null ? null : keys.macFor(to));
        socket.send(new DatagramPacket(d, d.length, ClientWire.address(servers, ports, to)));
    }

    @Override
    public byte[] receive(int from, long timeoutMillis) throws IOException {
        ArrayDeque<byte[]> kept = early.get(from);
        if (kept != null && !kept.isEmpty()) {
            return kept.poll();
        }
        long deadline = System.nanoTime() + Math.max(1, timeoutMillis) * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            UdpDatagram.Opened o;
            try {
                o = UdpDatagram.open(Arrays.copyOf(p.getData(), p.getLength()), self, keys);
            } catch (UdpDatagram.Rejected r) {
                rejected++;
                continue;
            }
            if (o.from() == from) {
                return o.frame();
            }
            early.computeIfAbsent(o.from(), k -> new ArrayDeque<>()).add(o.frame());
        }
    }

    /** Datagrams refused so far (failed authentication or malformed). */
    long rejected() {
        return rejected;
    }

    @Override
    public void reset(int server) {
        // no connection to reset
    }

    @Override
    public void close() {
        socket.close();
    }
}
