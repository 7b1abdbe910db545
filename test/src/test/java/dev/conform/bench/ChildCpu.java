package dev.conform.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time of this JVM's child processes (the TLC runs of a validation), sampled every 50 ms
 * from the OS: the last 50 ms of a child may be missed, so short runs read slightly low.
 */
final class ChildCpu {
    private final Map<Long, Duration> seen = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private ChildCpu() {
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "child-cpu");
        sampler.setDaemon(true);
    }

    static ChildCpu start() {
        ChildCpu c = new ChildCpu();
        c.sampler.start();
        return c;
    }

    private void sample() {
        ProcessHandle.current().descendants().forEach(p ->
                p.info().totalCpuDuration().ifPresent(d -> seen.merge(p.pid(), d, (a, b) -> a.compareTo(b) >= 0 ? a : b)));
    }

    /** Seconds of CPU used by the children seen since {@link #start()}. */
    double stop() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return seen.values().stream().mapToLong(Duration::toNanos).sum() / 1e9;
    }
}
