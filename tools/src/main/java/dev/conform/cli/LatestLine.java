package dev.conform.cli;

import dev.conform.cli.gate.GateProgress;
import java.util.function.Supplier;

/** A gate status that is kept, not drawn: the {@link Heartbeat} repeats the latest line every 10 s. */
final class LatestLine implements GateProgress, Supplier<String> {
    private volatile String line;

    @Override
    public void show(String line) {
        this.line = line == null ? null : line.strip();
    }

    @Override
    public void clear() {
        line = null;
    }

    @Override
    public String get() {
        return line;
    }
}
