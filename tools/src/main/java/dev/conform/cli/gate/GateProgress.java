package dev.conform.cli.gate;

import java.io.PrintStream;

/** One self-overwriting status line on a terminal's stderr; silent otherwise. */
public interface GateProgress {
    /** Shows {@code line} in place of the previous one. */
    void show(String line);

    /** Clears the line. */
    void clear();

    static GateProgress none() {
        return new GateProgress() {
            @Override
            public void show(String line) {
            }

            @Override
            public void clear() {
            }
        };
    }

    static GateProgress terminal(PrintStream err) {
        return new GateProgress() {
            @Override
            public synchronized void show(String line) {
                err.print("\r" + line + "\u001b[K");
                err.flush();
            }

            @Override
            public synchronized void clear() {
                err.print("\r\u001b[K");
                err.flush();
            }
        };
    }
}
