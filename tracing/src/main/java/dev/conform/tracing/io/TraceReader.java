package dev.conform.tracing.io;

import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an NDJSON trace (docs/trace-format.md) one event at a time, in memory independent of
 * the trace length, with one streaming JSON parser for the whole input (or, with
 * {@link Options#parseThreads()} above 1, one per parsing thread over chunks of lines), and
 * validates it strictly: line structure, UTF-8, JSON syntax, field names
 * and types, event kinds, required fields, sequence numbers and clock causality. Every problem
 * is a {@link TraceFormatException} whose message is {@code file:line:column: reason}.
 *
 * <pre>{@code
 * try (TraceReader r = TraceReader.open(path)) {
 *     TraceHeader h = r.header();
 *     for (TraceEvent e; (e = r.next()) != null; ) { ... }
 * }
 * }</pre>
 *
 * Not thread-safe: one thread calls it (parsing threads, when asked for, are its own).
 */
public final class TraceReader implements AutoCloseable {
    /** Default longest accepted line: 16 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 16 << 20;
    /** Deepest nesting of objects and arrays on a line, the line's own object counting as 1. */
    public static final int MAX_NESTING_DEPTH = 200;
    /** Longest number, in characters (sign and digits): 64-bit integers need at most 20. */
    public static final int MAX_NUMBER_CHARS = 40;
    /** Longest field name, in characters (string values are bounded by the line limit only). */
    public static final int MAX_NAME_CHARS = 50_000;
    /** Default number of undelivered sends whose clocks are kept to check their deliveries. */
    public static final int DEFAULT_MAX_PENDING_SENDS = 1 << 16;

    /**
     * Reader limits.
     *
     * @param maxLineBytes    longest accepted line in bytes, newline excluded
     * @param maxPendingSends how many undelivered sends to remember (oldest forgotten first);
     *                        a delivery whose send was forgotten is not checked against it
     * @param checkCausality  false skips the cross-line checks (seq, clocks), e.g. for a
     *                        per-node trace file that the merger checks as a whole
     * @param parseThreads    1 parses on the calling thread; more parses chunks of lines on
     *                        that many threads (plus one reading the input), with the same
     *                        events and errors in the same order
     * @param checkNodes      false accepts events naming nodes the header does not list: a
     *                        per-node file of a real cluster cannot know every client; the merged
     *                        trace lists every node and is read with the check on
     */
    public record Options(int maxLineBytes, int maxPendingSends, boolean checkCausality, int parseThreads,
                          boolean checkNodes) {
        public Options {
            if (parseThreads < 1) {
                throw new IllegalArgumentException("parseThreads must be at least 1");
            }
            if (maxLineBytes < 1) {
                throw new IllegalArgumentException("maxLineBytes must be positive");
            }
            if (maxPendingSends < 0) {
                throw new IllegalArgumentException("maxPendingSends must not be negative");
            }
        }

        public static Options defaults() {
            return new Options(DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_PENDING_SENDS, true, 1, true);
        }

        public Options withMaxLineBytes(int n) {
            return new Options(n, maxPendingSends, checkCausality, parseThreads, checkNodes);
        }

        public Options withMaxPendingSends(int n) {
            return new Options(maxLineBytes, n, checkCausality, parseThreads, checkNodes);
        }

        public Options withCausality(boolean check) {
            return new Options(maxLineBytes, maxPendingSends, check, parseThreads, checkNodes);
        }

        public Options withParseThreads(int n) {
            return new Options(maxLineBytes, maxPendingSends, checkCausality, n, checkNodes);
        }

        public Options withNodeCheck(boolean check) {
            return new Options(maxLineBytes, maxPendingSends, checkCausality, parseThreads, check);
        }
    }

    private final String file;
    private final LineSource lines;
    private final LineParser parser;
    private final CausalityCheck causality;
    /** Set when lines are parsed on other threads (after the header, which is parsed here). */
    private final ParallelEventParser parallel;
    private final TraceHeader header;
    private boolean done;
    /** The first error: the reader cannot go on after it, so later calls report it again. */
    private TraceFormatException failure;

    private TraceReader(InputStream in, String file, Options options) {
        this(in, file, options, ParallelEventParser.DEFAULT_CHUNK);
    }

    /** {@code chunkBytes}: size of the chunks parsed in parallel (small in tests, to cut lines everywhere). */
    TraceReader(InputStream in, String file, Options options, int chunkBytes) {
        this.file = file;
        this.lines = new LineSource(in, file, options.maxLineBytes());
        this.parser = new LineParser(file, lines);
        this.causality = options.checkCausality() ? new CausalityCheck(file, options.maxPendingSends()) : null;
        try {
            if (!lines.next()) {
                throw new TraceFormatException(file, 1, 1, "empty trace: no header line");
            }
            this.header = parser.header();
            if (!options.checkNodes()) {
                parser.knownNodes(null);
            }
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        this.parallel = options.parseThreads() > 1
                ? new ParallelEventParser(in, lines.unread(), lines.atEof(), file, options.maxLineBytes(),
                        options.parseThreads(), chunkBytes, parser.knownNodes())
                : null;
    }

    /** Opens a trace file and reads its header. */
    public static TraceReader open(Path path) {
        return open(path, Options.defaults());
    }

    public static TraceReader open(Path path, Options options) {
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("trace file not found: " + path, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open trace file " + path + ": " + e.getMessage(), e);
        }
        return new TraceReader(in, path.toString(), options);
    }

    /** Reads a trace from a stream; {@code name} labels error messages. The reader closes the stream. */
    public static TraceReader of(InputStream in, String name, Options options) {
        return new TraceReader(in, name, options);
    }

    public static TraceReader of(InputStream in, String name) {
        return of(in, name, Options.defaults());
    }

    /** Reads a whole trace into memory (for tests and small traces). */
    public static List<TraceEvent> readAll(Path path) {
        try (TraceReader r = open(path)) {
            List<TraceEvent> out = new ArrayList<>();
            for (TraceEvent e; (e = r.next()) != null; ) {
                out.add(e);
            }
            return out;
        }
    }

    public TraceHeader header() {
        return header;
    }

    /** The next event, or null at the end of the trace. */
    public TraceEvent next() {
        if (failure != null) {
            throw failure;
        }
        if (done) {
            return null;
        }
        try {
            TraceEvent e;
            if (parallel != null) {
                e = parallel.next();
                if (e == null) {
                    done = true;
                    return null;
                }
            } else {
                if (!lines.next()) {
                    done = true;
                    return null;
                }
                e = parser.event();
                lines.shrink();
            }
            if (causality != null) {
                causality.check(e, line());
            }
            return e;
        } catch (TraceFormatException ex) {
            failure = ex;
            throw ex;
        }
    }

    /** 1-based number of the last line read (1 after the header). */
    public long line() {
        return parallel != null ? parallel.lineNo() : lines.lineNo();
    }

    /** The file name used in error messages. */
    public String file() {
        return file;
    }

    @Override
    public void close() {
        parser.close();
        if (parallel != null) {
            parallel.close();
        }
        lines.close();
    }

    private void closeQuietly() {
        try {
            parser.close();
            lines.close();
        } catch (RuntimeException ignored) {
            // the original failure is more useful
        }
    }
}
