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

    /** A printer when stderr is a console, else null (no progress). */
    static ProgressPrinter forConsole(PrintStream err) {
        return System.console() != null ? new ProgressPrinter(err) : null;
    }

    @Override
    public synchronized void accept(TlcProgress p) {
        if (p.elapsed().compareTo(QUIET) < 0) {
            return;
        }
        StringBuilder b = new StringBuilder("\r  TLC running ").append(p.elapsed().toSeconds()).append(" s");
        if (p.distinctStates() != null) {
            b.append(String.format(", %,d distinct states", p.distinctStates()));
            if (p.distinctPerMinute() != null) {
                b.append(String.format(" (%,d/min)", p.distinctPerMinute()));
            }
            b.append(String.format(", %,d on queue", p.queueLeft()));
        }
        err.print(b.append("\u001b[K"));
        err.flush();
        printed = true;
    }

    /** Clears the line so the result starts clean. */
    synchronized void finish() {
        if (printed) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
