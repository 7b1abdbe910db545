package dev.conform.cli;

import dev.conform.cli.options.ProgressOption;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A plain progress line every period on stderr while a long run goes on ({@code --progress}, when
 * not redrawn on a terminal): {@code conform: check running 20 s, <status>}. One daemon thread;
 * closing it stops the lines before the result is printed.
 */
final class Heartbeat implements AutoCloseable {
    static final Duration PERIOD = Duration.ofSeconds(10);

    private final ScheduledExecutorService timer;

    Heartbeat(PrintStream err, String what, Supplier<String> status, Duration period) {
        long started = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "conform-progress");
            t.setDaemon(true);
            return t;
        });
        long ms = period.toMillis();
        timer.scheduleAtFixedRate(() -> {
            long s = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            String now = status.get();
            err.println("conform: " + what + " running " + s + " s" + (now == null || now.isBlank() ? "" : ", " + now));
            err.flush();
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** A heartbeat every 10 s when {@code option} asks for periodic lines, else one that prints nothing. */
    static Heartbeat start(ProgressOption option, PrintStream err, String what, Supplier<String> status) {
        return option.periodic() ? new Heartbeat(err, what, status, PERIOD) : null;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
