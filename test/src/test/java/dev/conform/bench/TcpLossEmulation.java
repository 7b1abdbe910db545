package dev.conform.bench;

import dev.conform.runtime.net.Frame;
import dev.conform.runtime.net.Transport;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An EMULATION of segment loss on a TCP connection (a segment cannot be dropped in-process): with
 * probability {@link LossTap#percent} a frame counts as lost, and the connection's send side then
 * stalls as TCP's recovery would: the lost frame and everything sent after it wait until either
 * three more frames have been sent (the three duplicate ACKs of fast retransmit) or
 * {@link #RTO_MILLIS} passed (Linux's minimum retransmission timeout, for a loss with too little
 * traffic behind it), then leave in order. Frames released after a stall can be "lost" again.
 * It models head-of-line blocking only; congestion-window reduction is not modelled.
 */
final class TcpLossEmulation implements Transport {
    /** Linux TCP_RTO_MIN. */
    static final long RTO_MILLIS = 200;
    private static final int DUPACKS = 3;

    private final Transport inner;
    private final SplittableRandom random = new SplittableRandom(7);
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tcp-loss-emulation");
        t.setDaemon(true);
        return t;
    });
    // Touched only on the sender thread.
    private final ArrayDeque<Frame> held = new ArrayDeque<>();
    private int sentBehind;
    private ScheduledFuture<?> rto;

    TcpLossEmulation(Transport inner) {
        this.inner = inner;
    }

    @Override
    public boolean send(Frame frame) {
        sender.execute(() -> offer(frame));
        return true;
    }

    private void offer(Frame f) {
        if (!held.isEmpty()) {
            held.add(f);
            if (++sentBehind >= DUPACKS) {
                release();
            }
        } else if (lost()) {
            stall(f);
        } else {
            inner.send(f);
        }
    }

    private boolean lost() {
        return random.nextDouble() * 100 < LossTap.percent;
    }

    private void stall(Frame f) {
        held.add(f);
        sentBehind = 0;
        rto = sender.schedule(this::release, RTO_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The retransmission: the lost frame leaves, then what queued behind it, until another is lost. */
    private void release() {
        if (held.isEmpty()) {
            return;
        }
        rto.cancel(false);
        inner.send(held.poll());
        while (!held.isEmpty()) {
            Frame next = held.poll();
            if (lost()) {
                ArrayDeque<Frame> rest = new ArrayDeque<>(held);
                held.clear();
                stall(next);
                held.addAll(rest);
                sentBehind = rest.size();
                if (sentBehind >= DUPACKS) {
                    release();
                }
                return;
            }
            inner.send(next);
        }
    }

    @Override
    public void start(Consumer<Frame> inbound) throws Exception {
        inner.start(inbound);
    }

    @Override
    public boolean connected(int peer) {
        return inner.connected(peer);
    }

    @Override
    public void portFiles(Path dir) {
        inner.portFiles(dir);
    }

    @Override
    public void close() {
        sender.shutdownNow();
        inner.close();
    }
}
