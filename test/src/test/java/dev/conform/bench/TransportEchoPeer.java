package dev.conform.bench;

import dev.conform.runtime.net.Frame;
import dev.conform.runtime.net.FrameCodec;
import dev.conform.runtime.net.Transport;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The far end of {@link TransportBench}, a separate JVM: node 2 on one {@link BenchLink}. It sends
 * every {@code Ping} and stream frame straight back, and counts {@code Bulk} frames, answering
 * with an {@code Ack} carrying the count every {@link #ACK_EVERY} frames and on the last one. It
 * exits when its standard input closes (the driver ends or dies).
 * Arguments: {@code LINK credentials-dir ports-dir}.
 */
final class TransportEchoPeer {
    static final int ACK_EVERY = 16;

    private TransportEchoPeer() {
    }

    public static void main(String[] args) throws Exception {
        BenchLink link = BenchLink.valueOf(args[0]);
        FrameCodec codec = BenchMessage.codec();
        Map<Integer, InetSocketAddress> peers = Map.of(1, new InetSocketAddress("127.0.0.1", 0),
                2, new InetSocketAddress("127.0.0.1", 0));
        Transport t = link.open(2, peers, codec, Path.of(args[1]));
        t.portFiles(Path.of(args[2]));
        AtomicLong bulk = new AtomicLong();
        // Inbound frames arrive on the transport's one I/O thread: replies keep their order.
        t.start(f -> {
            BenchMessage m = (BenchMessage) f.body();
            if (BenchMessage.BULK.equals(f.type())) {
                if (m.seq() == 0) {
                    bulk.set(0); // a new run
                }
                long n = bulk.incrementAndGet();
                if (n % ACK_EVERY == 0 || m.last()) {
                    t.send(new Frame(f.id(), 2, 1, BenchMessage.ACK, new BenchMessage(n, m.nanos(), m.last(), ""), 0, Map.of()));
                }
            } else {
                t.send(new Frame(f.id(), 2, 1, f.type(), m, 0, Map.of()));
            }
        });
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
            // the driver never writes; EOF means it is gone
        }
        t.close();
        System.exit(0);
    }
}
