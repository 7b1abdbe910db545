package dev.conform.runtime.net;

import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a node's trace stopped when its process was killed: the last Lamport time, the last
 * vector clock and the counter of the last message id the node sent. A restarted process goes on
 * from there, so the node's file stays one trace whose own clock entry grows by one per event
 * (what {@link dev.conform.tracing.merge.TraceMerger} requires) and whose message ids stay unique.
 */
public record TraceResume(long lamport, Map<Integer, Long> vc, long lastMessageCounter) {
    private static final long COUNTER_MASK = (1L << 40) - 1;

    public TraceResume {
        vc = Map.copyOf(vc);
    }

    /**
     * Reads node {@code self}'s trace {@code file} after a kill. A SIGKILL can cut the last line,
     * so the file is first cut back to its last complete line. Returns null when nothing is left
     * (the process died before its first flush): the node then starts a new trace.
     */
    public static TraceResume recover(Path file, int self) throws IOException {
        if (!Files.exists(file) || truncateToLastNewline(file) == 0) {
            return null;
        }
        long lamport = 0;
        Map<Integer, Long> vc = new TreeMap<>();
        long counter = 0;
        try (TraceReader r = TraceReader.open(file, TraceReader.Options.defaults().withNodeCheck(false))) {
            for (TraceEvent e = r.next(); e != null; e = r.next()) {
                lamport = e.lamport();
                if (e.vc() != null) {
                    vc = new TreeMap<>(e.vc().asMap());
                }
                if (e.kind() == EventKind.SEND && e.msg() != null && e.msg().from() == self) {
                    counter = Math.max(counter, e.msg().id() & COUNTER_MASK);
                }
            }
        }
        return new TraceResume(lamport, vc, counter);
    }

    /** A sink that appends events to {@code file}, whose header is already there (the one given is not written). */
    public static NdjsonSink appendingSink(Path file) {
        try {
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND);
            return new NdjsonSink(new SkipFirstLine(out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to trace file " + file, e);
        }
    }

    private static long truncateToLastNewline(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long end = f.length();
            while (end > 0) {
                f.seek(end - 1);
                if (f.read() == '\n') {
                    break;
                }
                end--;
            }
            f.setLength(end);
            return end;
        }
    }

    /** Swallows everything up to and including the first newline: the sink's own header line. */
    private static final class SkipFirstLine extends FilterOutputStream {
        private boolean skipping = true;

        SkipFirstLine(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (skipping) {
                skipping = b != '\n';
                return;
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int i = off;
            while (skipping && i < off + len) {
                skipping = b[i++] != '\n';
            }
            if (i < off + len) {
                out.write(b, i, off + len - i);
            }
        }
    }
}
