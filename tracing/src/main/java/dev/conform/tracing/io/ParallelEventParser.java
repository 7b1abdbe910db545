package dev.conform.tracing.io;

import dev.conform.tracing.TraceEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parses the event lines of a trace on several threads and hands the events out in file order.
 * NDJSON makes this possible: every line is a document of its own, so a chunk of whole lines
 * parses the same wherever it is cut. A splitting thread reads the input into chunks that end at
 * a newline; a pool parses each chunk with its own {@link LineParser} into events or the first
 * error; the caller takes the chunks in order, numbering lines as it goes, and sees an error only
 * after every event before it, so the result is the sequential reader's, event for event and
 * error for error (a parity test checks this on mutated traces).
 *
 * <p>Memory stays bounded: at most {@code 2 x threads} parsed or parsing chunks wait for the
 * caller, and the splitter blocks until the caller catches up. The checks that span lines (seq,
 * clocks) stay with the caller in {@link TraceReader}, which sees the events in order.
 */
final class ParallelEventParser implements AutoCloseable {
    /** Bytes per chunk: a few hundred events, enough to keep hand-over costs small. */
    static final int DEFAULT_CHUNK = 1 << 18;

    /** The events of one chunk and, when parsing stopped early, why. */
    private record Chunk(List<TraceEvent> events, RuntimeException error) {
    }

    private static final Future<Chunk> END = CompletableFuture.completedFuture(null);
    private static final AtomicInteger READERS = new AtomicInteger();

    private final String file;
    private final int maxLineBytes;
    private final int chunkBytes;
    private final InputStream in;
    private final ExecutorService pool;
    private final BlockingQueue<Future<Chunk>> ready;
    private final Thread splitter;
    private final ThreadLocal<LineParser> parsers;
    private volatile boolean closed;

    private List<TraceEvent> events = List.of();
    private int nextIndex;
    private RuntimeException pendingError;
    /** Line of the last event handed out; the header is line 1. */
    private long line = 1;
    /** Line of the first event of the current chunk, minus one. */
    private long base = 1;
    private boolean finished;

    /**
     * @param carry bytes already read past the header line
     * @param eof   true when {@code in} has nothing after {@code carry}
     */
    ParallelEventParser(InputStream in, byte[] carry, boolean eof, String file, int maxLineBytes, int threads,
                        int chunkBytes, KnownNodes known) {
        this.in = in;
        this.file = file;
        this.maxLineBytes = maxLineBytes;
        this.chunkBytes = chunkBytes;
        int id = READERS.incrementAndGet();
        AtomicInteger workers = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "conform-trace-parse-" + id + "-" + workers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.ready = new ArrayBlockingQueue<>(2 * threads);
        this.parsers = ThreadLocal.withInitial(() -> {
            LineParser parser = new LineParser(file, new LineSource(file, maxLineBytes));
            parser.knownNodes(known);
            return parser;
        });
        this.splitter = new Thread(() -> split(carry, eof), "conform-trace-split-" + id);
        splitter.setDaemon(true);
        splitter.start();
    }

    /** The next event in file order, or null at the end; throws what the sequential reader would. */
    TraceEvent next() {
        while (nextIndex == events.size()) {
            if (pendingError != null) {
                throw pendingError;
            }
            if (finished) {
                return null;
            }
            Chunk c = take();
            if (c == null) {
                finished = true;
                return null;
            }
            base = line;
            events = c.events();
            nextIndex = 0;
            pendingError = c.error() == null ? null : positioned(c.error());
        }
        line++;
        return events.get(nextIndex++);
    }

    /** Line of the event last returned. */
    long lineNo() {
        return line;
    }

    private Chunk take() {
        try {
            return ready.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading trace " + file, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("cannot parse trace " + file + ": " + cause, cause);
        }
    }

    /** A chunk's error names a line counted from the chunk's start: count it from the file's. */
    private RuntimeException positioned(RuntimeException e) {
        if (e instanceof TraceFormatException t) {
            return new TraceFormatException(t.file(), base + t.line(), t.column(), t.reason(), t.getCause());
        }
        return e;
    }

    /** The splitting thread: cuts the input after the last newline of each chunk-sized read. */
    private void split(byte[] carry, boolean eof) {
        byte[] buf = new byte[Math.max(chunkBytes, 2 * carry.length)];
        System.arraycopy(carry, 0, buf, 0, carry.length);
        int lim = carry.length;
        try {
            while (!closed) {
                try {
                    while (lim < buf.length && !eof) {
                        int n = in.read(buf, lim, buf.length - lim);
                        if (n < 0) {
                            eof = true;
                        } else {
                            lim += n;
                        }
                    }
                } catch (IOException e) {
                    // the whole lines read so far come first, as they do when reading sequentially
                    int cut = lastNewline(buf, lim);
                    if (cut >= 0) {
                        submit(buf, cut + 1);
                    }
                    put(CompletableFuture.failedFuture(new UncheckedIOException("cannot read trace " + file, e)));
                    return;
                }
                if (eof) {
                    // the rest, whole: an unterminated last line is reported as the sequential reader does
                    if (lim > 0) {
                        submit(buf, lim);
                    }
                    break;
                }
                int cut = lastNewline(buf, lim);
                if (cut < 0) {
                    if (lim > maxLineBytes) {
                        submit(buf, lim); // parsing it reports the line as too long
                        break;
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(2L * buf.length, maxLineBytes + 1L));
                    continue;
                }
                int rest = lim - cut - 1;
                byte[] next = new byte[Math.max(chunkBytes, 2 * rest)];
                System.arraycopy(buf, cut + 1, next, 0, rest);
                submit(buf, cut + 1);
                buf = next;
                lim = rest;
            }
            put(END);
        } catch (InterruptedException e) {
            // closed by the caller
        } catch (RuntimeException | Error e) {
            put(CompletableFuture.failedFuture(e));
        }
    }

    private void submit(byte[] buf, int len) throws InterruptedException {
        ready.put(pool.submit(() -> parse(buf, len)));
    }

    private void put(Future<Chunk> f) {
        try {
            ready.put(f);
        } catch (InterruptedException e) {
            // closed by the caller, who no longer reads
        }
    }

    private static int lastNewline(byte[] b, int lim) {
        for (int i = lim - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Runs on a pool thread: the events of one chunk, up to its first error. */
    private Chunk parse(byte[] buf, int len) {
        LineParser parser = parsers.get();
        LineSource lines = parser.source();
        lines.reset(buf, len);
        List<TraceEvent> out = new ArrayList<>(Math.max(16, len / 256));
        try {
            while (lines.next()) {
                out.add(parser.event());
            }
            return new Chunk(out, null);
        } catch (RuntimeException e) {
            // the parser may be inside a value: the next chunk on this thread gets a fresh one
            parsers.remove();
            parser.close();
            return new Chunk(out, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        splitter.interrupt();
        pool.shutdownNow();
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
