package dev.conform.bench;

import dev.conform.runtime.net.Frame;
import dev.conform.runtime.net.FrameCodec;
import dev.conform.runtime.net.Transport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The driver's side of one {@link BenchLink}: spawns {@link TransportEchoPeer} in its own JVM
 * (same classpath), opens node 1's transport towards it and sorts what comes back: echoes of
 * pings, throughput acknowledgements, and per-stream round trips of the head-of-line run.
 */
final class EchoSession implements AutoCloseable {
    static final Map<Integer, InetSocketAddress> PEERS = Map.of(1, new InetSocketAddress("127.0.0.1", 0),
            2, new InetSocketAddress("127.0.0.1", 0));

    final BenchLink link;
    final FrameCodec codec = BenchMessage.codec();
    final Path credentials;
    final Path ports;
    private final Process peer;
    final BlockingQueue<Frame> echoes = new LinkedBlockingQueue<>();
    final BlockingQueue<BenchMessage> acks = new LinkedBlockingQueue<>();
    /** Round trips in nanoseconds per stream of the head-of-line run. */
    final List<List<Long>> streams = new ArrayList<>();
    private Transport transport;

    EchoSession(BenchLink link, Path work) throws IOException, InterruptedException {
        this.link = link;
        this.credentials = work.resolve("credentials");
        this.ports = Files.createDirectories(work.resolve("ports-" + link.name().toLowerCase()));
        for (int i = 0; i < BenchMessage.STREAMS; i++) {
            streams.add(java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        peer = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                TransportEchoPeer.class.getName(), link.name(), credentials.toString(), ports.toString())
                .redirectError(work.resolve("peer-" + link.name().toLowerCase() + ".log").toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"ready".equals(line)) {
            throw new IOException("echo peer for " + link.label + " did not start (" + line + "); see its log in " + work);
        }
    }

    /** A fresh, started node-1 transport of this link ({@code wrap} may put a loss emulation around it). */
    Transport open(UnaryOperator<Transport> wrap, java.util.function.Consumer<Transport> beforeStart) throws Exception {
        Transport t = wrap.apply(link.open(1, PEERS, codec, credentials));
        t.portFiles(ports);
        beforeStart.accept(t);
        t.start(this::inbound);
        return t;
    }

    /** Opens the session's transport and waits until pings come back (both directions are up). */
    void connect(UnaryOperator<Transport> wrap, java.util.function.Consumer<Transport> beforeStart) throws Exception {
        transport = open(wrap, beforeStart);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (long seq = 0; System.nanoTime() < deadline; seq++) {
            transport.send(frame(BenchMessage.PING, seq, ""));
            Frame f = echoes.poll(100, TimeUnit.MILLISECONDS);
            if (f != null) {
                echoes.clear();
                return;
            }
        }
        throw new IOException(link.label + ": no echo within 30 s");
    }

    Transport transport() {
        return transport;
    }

    Frame frame(String type, long seq, String pad) {
        return frame(type, seq, false, pad);
    }

    Frame frame(String type, long seq, boolean last, String pad) {
        return new Frame(seq, 1, 2, type, new BenchMessage(seq, System.nanoTime(), last, pad), 0, Map.of());
    }

    private void inbound(Frame f) {
        BenchMessage m = (BenchMessage) f.body();
        if (BenchMessage.ACK.equals(f.type())) {
            acks.add(m);
        } else if (BenchMessage.PING.equals(f.type())) {
            echoes.add(f);
        } else {
            long rtt = System.nanoTime() - m.nanos();
            streams.get(f.type().charAt(1) - '0').add(rtt);
        }
    }

    @Override
    public void close() throws Exception {
        if (transport != null) {
            transport.close();
        }
        peer.getOutputStream().close();
        if (!peer.waitFor(5, TimeUnit.SECONDS)) {
            peer.destroyForcibly();
        }
    }
}
