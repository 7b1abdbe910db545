package dev.conform.bench;

import static dev.conform.bench.BenchStats.load;
import static dev.conform.bench.BenchStats.micros;
import static dev.conform.bench.BenchStats.millis;
import static dev.conform.bench.BenchStats.quantile;

import dev.conform.runtime.net.ClusterCredentials;
import dev.conform.runtime.net.Frame;
import dev.conform.runtime.net.QuicTransport;
import dev.conform.runtime.net.Transport;
import dev.conform.runtime.net.UdpDatagram;
import dev.conform.runtime.net.UdpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * The transports measured against each other on loopback, between two OS processes (this JVM as
 * node 1, a {@link TransportEchoPeer} JVM as node 2), each through the production
 * {@code Transport} with authentication on (credentials from {@link ClusterCredentials}, as
 * {@code conform cluster start} makes them); TCP without TLS is the baseline of every ratio.
 * Sections:
 * <ul>
 * <li>{@code net}: connection set-up (median of fresh node-1 transports from {@code start()} until
 * {@code connected(2)}: TCP connect, plus the TLS 1.3 handshake, or QUIC's 1-RTT handshake);
 * round-trip latency p50/p99/p999 of a ping echoed by the peer, one at a time; one-way throughput
 * (frames/s and MB/s of frame bytes, a window of unacknowledged frames, the peer acknowledging every
 * {@link TransportEchoPeer#ACK_EVERY}). Sizes 100 B and 64 KiB of frame JSON; a frame over UDP's
 * one-datagram limit is not sendable there, so UDP's large row is measured at the largest frame that
 * fits and says so. A warm-up pass at a fifth of the samples runs first and is not printed.</li>
 * <li>{@code hol}: head-of-line blocking. Four independent streams (message types S0..S3), each a
 * 100 B frame every 5 ms, echoed; p99 round trip per stream at 0, 1, 5 and 10% loss injected at the
 * sender (node 1). QUIC and UDP: {@link LossTap} drops real outgoing datagrams (QUIC's data and
 * its acknowledgements of the echoes), QUIC one stream per link vs one per message type. TCP:
 * {@link TcpLossEmulation}, an emulation (a segment cannot be dropped in-process).</li>
 * <li>{@code raft}: {@link RaftOverTransports}, a 5-node Raft cluster per transport with a leader
 * killed half-way.</li>
 * </ul>
 * Each figure is printed with the 1-minute load average when it was taken. Run from the
 * repository root (classpath as in {@link JavaReplayBench}):
 * <pre>
 * mvn -B -o -q -pl test -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/conform-cp.txt
 * java -cp test/target/test-classes:$(cat /tmp/conform-cp.txt) dev.conform.bench.TransportBench \
 *      [all|net|hol|raft (all)] [scale 1.0]
 * </pre>
 * {@code scale} multiplies sample counts and durations (0.1 for a quick look).
 */
public final class TransportBench {
    private static final int SMALL = 100;
    private static final int LARGE = 64 * 1024;
    private static final int SETUPS = 25;
    private static final int HOL_INTERVAL_MS = 5;
    /** In the mixed head-of-line run, S0 sends one 64 KiB frame every this many rounds. */
    private static final int BULK_EVERY = 4;
    /** Loss levels in the order run; 0 again at the end shows how much of the first row is start-up. */
    private static final double[] LOSSES = {0, 1, 5, 10, 0};

    private final Path work;
    private final double scale;

    private TransportBench(Path work, double scale) {
        this.work = work;
        this.scale = scale;
    }

    public static void main(String[] args) throws Exception {
        String sections = args.length > 0 ? args[0] : "all";
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        Path work = Files.createTempDirectory("conform-transport-bench");
        ClusterCredentials.create(work.resolve("credentials"), List.of(1, 2));
        System.out.printf("TransportBench %s, %d cores, %s %s, java %s, scale %s, load %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"), scale, load());
        TransportBench b = new TransportBench(work, scale);
        if (sections.equals("all") || sections.equals("net")) {
            b.net();
        }
        if (sections.equals("all") || sections.equals("hol")) {
            b.headOfLine();
        }
        if (sections.equals("all") || sections.equals("raft")) {
            new RaftOverTransports(work.resolve("raft"), scale).run();
        }
        System.exit(0); // the transports' event loops are non-daemon threads
    }

    private int n(double base) {
        return Math.max(10, (int) (base * scale));
    }

    // ---------------------------------------------------------------- net

    private record NetRow(BenchLink link, long setupTotal, long setupAfterStart, String setupLoad,
                          Map<Integer, Latency> latency, Map<Integer, Throughput> throughput) {
    }

    private record Latency(int bytes, long p50, long p99, long p999, int samples, int lost, String load) {
    }

    private record Throughput(int bytes, double perSecond, double mbPerSecond, long sent, long delivered, String load) {
    }

    /**
     * Two passes over the transports; the first, a fifth of the samples, only warms this JVM's
     * code (encoding, queues), which the first transport measured would otherwise pay for alone.
     */
    private void net() throws Exception {
        netPass(0.2);
        printNet(netPass(1.0));
    }

    private List<NetRow> netPass(double part) throws Exception {
        List<NetRow> rows = new ArrayList<>();
        for (BenchLink link : List.of(BenchLink.TCP_PLAIN, BenchLink.TCP_TLS, BenchLink.UDP_HMAC, BenchLink.QUIC)) {
            long[] setup = null;
            if (link != BenchLink.UDP_HMAC) {
                // A peer of its own: after many fresh connections its way back to node 1 may sit in back-off.
                try (EchoSession s = new EchoSession(link, work)) {
                    setup = setup(s, part);
                }
            }
            String setupLoad = load();
            try (EchoSession s = new EchoSession(link, work)) {
                s.connect(UnaryOperator.identity(), t -> { });
                Map<Integer, Latency> lat = new LinkedHashMap<>();
                Map<Integer, Throughput> thr = new LinkedHashMap<>();
                for (int size : new int[] {SMALL, LARGE}) {
                    int bytes = sizeFor(link, size);
                    lat.put(size, latency(s, bytes, n(part * (size == SMALL ? 5000 : 500))));
                    throughput(s, bytes, n(size == SMALL ? 4000 : 100), size == SMALL ? 512 : 32); // warm-up
                    thr.put(size, throughput(s, bytes, n(part * (size == SMALL ? 40000 : 1500)), size == SMALL ? 512 : 32));
                }
                NetRow r = new NetRow(link, setup == null ? -1 : setup[0], setup == null ? -1 : setup[1], setupLoad, lat, thr);
                rows.add(r);
                System.out.printf("  %s done (%s, load %s)%n", link.label, part < 1 ? "warm-up" : "measured", load());
            }
        }
        return rows;
    }

    /** The frame size measured for {@code size} on {@code link}: UDP carries at most one datagram. */
    private static int sizeFor(BenchLink link, int size) {
        return link == BenchLink.UDP_HMAC && size > UdpDatagram.MAX_FRAME ? UdpDatagram.MAX_FRAME - 32 : size;
    }

    /** Medians of {@link #SETUPS} fresh transports: start() to connected(2), and start() returned to connected(2). */
    private long[] setup(EchoSession s, double part) throws Exception {
        List<Long> total = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        for (int i = 0; i < n(part * SETUPS) + 3; i++) {
            long t0 = System.nanoTime();
            Transport t = s.open(UnaryOperator.identity(), x -> { });
            long t1 = System.nanoTime();
            long deadline = t1 + TimeUnit.SECONDS.toNanos(10);
            while (!t.connected(2) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            long t2 = System.nanoTime();
            t.close();
            if (i >= 3) { // the first few warm the JIT and the TLS providers
                total.add(t2 - t0);
                after.add(t2 - t1);
            }
        }
        return new long[] {quantile(total, 0.5), quantile(after, 0.5)};
    }

    private Latency latency(EchoSession s, int bytes, int rounds) throws Exception {
        String pad = BenchMessage.padFor(s.codec, BenchMessage.PING, bytes);
        int warm = rounds / 10;
        long[] samples = new long[rounds];
        int taken = 0;
        int lost = 0;
        for (int i = 0; i < warm + rounds; i++) {
            long seq = 1_000_000L + i;
            s.transport().send(s.frame(BenchMessage.PING, seq, pad));
            Frame f;
            do {
                f = s.echoes.poll(1, TimeUnit.SECONDS);
            } while (f != null && f.id() != seq);
            long now = System.nanoTime();
            if (i < warm) {
                continue;
            }
            if (f == null) {
                lost++;
            } else {
                samples[taken++] = now - ((BenchMessage) f.body()).nanos();
            }
        }
        long[] got = java.util.Arrays.copyOf(samples, taken);
        return new Latency(bytes, quantile(got, 0.5), quantile(got, 0.99), quantile(got, 0.999), taken, lost, load());
    }

    /**
     * One-way: {@code count} frames with at most {@code window} unacknowledged; an acknowledgement
     * that does not come within 50 ms writes the frames in flight off as lost (UDP), so the sender
     * never waits for what will not arrive. Rate = frames acknowledged / time to the last acknowledgement.
     */
    private Throughput throughput(EchoSession s, int bytes, int count, int window) throws Exception {
        String pad = BenchMessage.padFor(s.codec, BenchMessage.BULK, bytes);
        s.acks.clear();
        long start = System.nanoTime();
        long lastAckAt = start;
        long acked = 0;
        long writtenOff = 0;
        for (long sent = 0; sent < count; ) {
            if (sent - acked - writtenOff < window) {
                s.transport().send(s.frame(BenchMessage.BULK, sent, sent == count - 1, pad));
                sent++;
                BenchMessage a;
                while ((a = s.acks.poll()) != null) {
                    acked = Math.max(acked, a.seq());
                    lastAckAt = System.nanoTime();
                }
                continue;
            }
            BenchMessage a = s.acks.poll(50, TimeUnit.MILLISECONDS);
            if (a == null) {
                writtenOff = sent - acked;
            } else {
                acked = Math.max(acked, a.seq());
                lastAckAt = System.nanoTime();
            }
        }
        while (acked < count) {
            BenchMessage a = s.acks.poll(500, TimeUnit.MILLISECONDS);
            if (a == null) {
                break;
            }
            acked = Math.max(acked, a.seq());
            lastAckAt = System.nanoTime();
            if (a.last()) {
                break;
            }
        }
        double seconds = (lastAckAt - start) / 1e9;
        return new Throughput(bytes, acked / seconds, acked * (double) bytes / seconds / 1e6, count, acked, load());
    }

    private static void printNet(List<NetRow> rows) {
        NetRow base = rows.get(0);
        System.out.println();
        System.out.println("Connection set-up (median of fresh transports; ms)");
        System.out.println("| transport | start() to connected | after start() returned | vs tcp plain | load |");
        System.out.println("|---|--:|--:|--:|--:|");
        for (NetRow r : rows) {
            System.out.printf("| %s | %s | %s | %s | %s |%n", r.link.label, r.setupTotal < 0 ? "no connection" : millis(r.setupTotal),
                    r.setupAfterStart < 0 ? "-" : millis(r.setupAfterStart),
                    r.setupTotal < 0 ? "-" : String.format("%.2fx", (double) r.setupTotal / base.setupTotal), r.setupLoad);
        }
        for (int size : new int[] {SMALL, LARGE}) {
            System.out.println();
            System.out.printf("Round trip, %s frames (microseconds)%n", size == SMALL ? "100 B" : "64 KiB");
            System.out.println("| transport | frame bytes | p50 | p99 | p999 | p50 vs tcp plain | p99 vs tcp plain | samples (lost) | load |");
            System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
            Latency b = base.latency.get(size);
            for (NetRow r : rows) {
                Latency l = r.latency.get(size);
                System.out.printf("| %s | %,d%s | %s | %s | %s | %.2fx | %.2fx | %,d (%d) | %s |%n", r.link.label, l.bytes,
                        l.bytes != size ? " (64 KiB is over one datagram)" : "", micros(l.p50), micros(l.p99), micros(l.p999),
                        (double) l.p50 / b.p50, (double) l.p99 / b.p99, l.samples, l.lost, l.load);
            }
            System.out.println();
            System.out.printf("One-way throughput, %s frames%n", size == SMALL ? "100 B" : "64 KiB");
            System.out.println("| transport | frame bytes | frames/s | MB/s | vs tcp plain | delivered / sent | load |");
            System.out.println("|---|--:|--:|--:|--:|--:|--:|");
            Throughput bt = base.throughput.get(size);
            for (NetRow r : rows) {
                Throughput t = r.throughput.get(size);
                System.out.printf("| %s | %,d | %,.0f | %,.1f | %.2fx | %,d / %,d | %s |%n", r.link.label, t.bytes, t.perSecond,
                        t.mbPerSecond, t.mbPerSecond / bt.mbPerSecond, t.delivered, t.sent, t.load);
            }
        }
    }

    // ---------------------------------------------------------------- head-of-line

    private void headOfLine() throws Exception {
        for (boolean bulk : new boolean[] {false, true}) {
            System.out.println();
            System.out.printf("Head-of-line blocking: %d streams, a 100 B frame each every %d ms%s, echoed; round trip in ms%n",
                    BenchMessage.STREAMS, HOL_INTERVAL_MS, bulk ? " except S0: a 64 KiB frame every "
                            + HOL_INTERVAL_MS * BULK_EVERY + " ms (UDP: the largest that fits)" : "");
            System.out.println("| transport | loss % | p50 all | p99 S0 | p99 S1 | p99 S2 | p99 S3 | max | delivered | load |");
            System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
            for (BenchLink link : List.of(BenchLink.TCP_TLS, BenchLink.QUIC, BenchLink.QUIC_PER_TYPE, BenchLink.UDP_HMAC)) {
                headOfLine(link, bulk);
            }
        }
    }

    private void headOfLine(BenchLink link, boolean bulk) throws Exception {
        LossTap.percent = 0;
        AtomicLong seeds = new AtomicLong(1);
        try (EchoSession s = new EchoSession(link, work)) {
            UnaryOperator<Transport> wrap = link == BenchLink.TCP_TLS ? TcpLossEmulation::new : UnaryOperator.identity();
            s.connect(wrap, t -> {
                if (t instanceof QuicTransport q) {
                    q.tapDatagrams(() -> new LossTap(seeds.getAndIncrement()));
                } else if (t instanceof UdpTransport u) {
                    u.tapDatagrams(() -> new LossTap(seeds.getAndIncrement()));
                }
            });
            String label = link == BenchLink.TCP_TLS ? "tcp+tls (loss emulated)" : link.label;
            String small = BenchMessage.padFor(s.codec, BenchMessage.stream(0), SMALL);
            String large = bulk ? BenchMessage.padFor(s.codec, BenchMessage.stream(0), sizeFor(link, LARGE)) : small;
            holRun(s, null, "", 0, n(1200), small, large); // warm-up, not printed: the first seconds run cold code
            for (int i = 0; i < LOSSES.length; i++) {
                holRun(s, label, i == LOSSES.length - 1 ? "0 again" : String.format("%.0f", LOSSES[i]), LOSSES[i],
                        n(1200), small, large);
            }
        } finally {
            LossTap.percent = 0;
        }
    }

    /**
     * {@code ticks} rounds of one frame per stream at {@code loss} percent, S0's frame padded with
     * {@code large} every {@link #BULK_EVERY} rounds (skipping the rounds between) unless it is the
     * same as {@code small}; prints a row unless {@code label} is null.
     */
    private void holRun(EchoSession s, String label, String lossLabel, double loss, int ticks, String small, String large)
            throws Exception {
        for (List<Long> l : s.streams) {
            l.clear();
        }
        LossTap.percent = loss;
        long t0 = System.nanoTime();
        long seq = 0;
        for (int tick = 0; tick < ticks; tick++) {
            LockSupport.parkNanos(t0 + TimeUnit.MILLISECONDS.toNanos((long) tick * HOL_INTERVAL_MS) - System.nanoTime());
            for (int i = 0; i < BenchMessage.STREAMS; i++) {
                if (i == 0 && large != small) {
                    if (tick % BULK_EVERY == 0) {
                        s.transport().send(s.frame(BenchMessage.stream(0), seq++, large));
                    }
                    continue;
                }
                s.transport().send(s.frame(BenchMessage.stream(i), seq++, small));
            }
        }
        long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < drain && delivered(s) < seq) {
            Thread.sleep(20);
        }
        LossTap.percent = 0;
        if (label == null) {
            return;
        }
        List<Long> all = new ArrayList<>();
        StringBuilder p99 = new StringBuilder();
        long max = 0;
        for (List<Long> l : s.streams) {
            synchronized (l) {
                all.addAll(l);
                p99.append(" | ").append(millis(quantile(l, 0.99)));
                max = Math.max(max, quantile(l, 1.0));
            }
        }
        System.out.printf("| %s | %s | %s%s | %s | %.1f%% | %s |%n", label, lossLabel, millis(quantile(all, 0.5)), p99,
                millis(max), 100.0 * all.size() / seq, load());
    }

    private static long delivered(EchoSession s) {
        long n = 0;
        for (List<Long> l : s.streams) {
            n += l.size();
        }
        return n;
    }
}
