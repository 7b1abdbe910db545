package dev.conform.cli;

import dev.conform.checker.tlc.TlcProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One self-overwriting progress line on stderr for runs longer than two seconds, only when
 * stderr is a terminal. TLC reports counts once a minute, so the counts lag; the clock does not.
 */
final class ProgressPrinter implements Consumer<TlcProgress> {
    private static final Duration QUIET = Duration.ofSeconds(2);
    private final PrintStream err;
    private boolean printed;

    ProgressPrinter(PrintStream err) {
        this.err = err;
    }


    @Override
    public synchronized void accept(TlcProgress p) {
        if (p.elapsed().compareTo(QUIET) < 0) {
            return;
        }
        String counts = counts(p);
        err.print("\r  TLC running " + p.elapsed().toSeconds() + " s" + (counts.isEmpty() ? "" : ", " + counts)
                + "\u001b[K");
        err.flush();
        printed = true;
    }

    /** TLC's last counts ({@code 1,234 distinct states (567/min), 89 on queue}), or "" before its first report. */
    static String counts(TlcProgress p) {
        if (p == null || p.distinctStates() == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format("%,d distinct states", p.distinctStates()));
        if (p.distinctPerMinute() != null) {
            b.append(String.format(" (%,d/min)", p.distinctPerMinute()));
        }
        return b.append(String.format(", %,d on queue", p.queueLeft())).toString();
    }

    /** Clears the line so the result starts clean. */
    synchronized void finish() {
        if (printed) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
