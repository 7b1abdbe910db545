package dev.conform.tracing.io;

import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceSink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An {@link NdjsonSink} whose encoding runs on a dedicated writer thread, so a simulation and its
 * trace encoder use two cores. The file is byte-for-byte what {@link NdjsonSink} writes for the
 * same calls: the writer thread hands the same header and events, in call order, to one
 * {@code NdjsonSink}. Encoding is the larger half of the work, so the calling thread takes the
 * file writes of the encoded buffers when it hands events over ({@link ChunkRelay}); the writer
 * thread writes them itself when it has nothing to encode.
 *
 * <p><b>Contract:</b> a header or event and everything reachable from it (state, message body,
 * plan) must not change after the call returns, because it is encoded later. Records, strings,
 * boxed numbers, {@link dev.conform.tracing.FieldMap}, {@link dev.conform.tracing.VectorClock}
 * and collections nobody keeps a reference to qualify; a producer that reuses or mutates its
 * state objects must use {@link NdjsonSink}.
 *
 * <p>Failing closed: misuse (an event before the header, a second header, a malformed event, a
 * call after close) throws from the call itself, as with {@link NdjsonSink}. A failure on the
 * writer thread (an I/O error, a value the encoder rejects) is thrown from the next call,
 * {@link #flush()} or {@link #close()}; once failed, the sink accepts nothing more. Close
 * writes out everything accepted, closes the file and throws if anything failed.
 *
 * <p>Thread-safe: calls are serialized, and the order of calls is the order of lines.
 */
public final class BackgroundNdjsonSink implements TraceSink {
    /** Events handed over per queue operation: the handoff costs one queue step per batch. */
    private static final int BATCH = 512;
    /** Batches in flight: bounds the memory held by events not yet written. */
    private static final int IN_FLIGHT = 16;
    private static final long POLL_MS = 100;

    private final NdjsonSink out;
    private final ChunkRelay relay;
    private final ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final ArrayBlockingQueue<Object[]> spare = new ArrayBlockingQueue<>(IN_FLIGHT + 2);
    private final Thread writer;
    private volatile Throwable failure;
    private Object[] batch = new Object[BATCH];
    private int filled;
    private boolean headerWritten;
    private boolean closed;

    /** Creates (or truncates) {@code file} and writes the trace to it from a writer thread. */
    public BackgroundNdjsonSink(Path file) {
        this(openFile(file));
    }

    /** Writes to {@code out} from a writer thread; the sink owns the stream and closes it. */
    public BackgroundNdjsonSink(OutputStream out) {
        this.relay = new ChunkRelay(out);
        this.out = new NdjsonSink(relay);
        this.writer = new Thread(this::drain, "conform-trace-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    private static OutputStream openFile(Path file) {
        try {
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create trace file " + file, e);
        }
    }

    /** The thread that encodes and writes, e.g. for measuring its CPU time. */
    public Thread writerThread() {
        return writer;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public synchronized void header(TraceHeader h) {
        if (headerWritten) {
            throw new IllegalStateException("trace header written twice");
        }
        ensureOpen();
        h.requireWellFormed();
        add(h);
        headerWritten = true;
    }

    @Override
    public synchronized void event(TraceEvent e) {
        if (!headerWritten) {
            throw new IllegalStateException("trace event written before the header");
        }
        ensureOpen();
        e.requireWellFormed();
        add(e);
    }

    /** Waits until every line accepted so far is in the file; throws if writing failed. */
    public synchronized void flush() {
        if (closed) {
            return;
        }
        throwIfFailed();
        Barrier b = new Barrier();
        handOff();
        put(b);
        await(b.done);
        throwIfFailed();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException pending = null;
        try {
            handOff();
        } catch (RuntimeException ex) {
            pending = ex; // the writer must still get the close marker and close the file
        }
        put(Close.INSTANCE);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException ex) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        throwIfFailed();
        if (pending != null) {
            throw pending;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("trace sink is closed");
        }
        throwIfFailed();
    }

    private void throwIfFailed() {
        Throwable t = failure;
        if (t == null) {
            return;
        }
        if (t instanceof UncheckedIOException u) {
            throw new UncheckedIOException("trace writer failed: " + u.getMessage(), u.getCause());
        }
        throw new IllegalStateException("trace writer failed: " + t, t);
    }

    private void add(Object item) {
        batch[filled++] = item;
        if (filled == BATCH) {
            handOff();
        }
    }

    /** Queues the current batch (null-terminated when partial) and starts a new one. */
    private void handOff() {
        if (filled == 0) {
            return;
        }
        if (filled < BATCH) {
            batch[filled] = null;
        }
        put(batch);
        Object[] next = spare.poll();
        batch = next != null ? next : new Object[BATCH];
        filled = 0;
        if (failure != null) {
            throwIfFailed();
        }
        // the file writes of lines encoded meanwhile, done here so the encoder keeps encoding
        try {
            relay.writeQueued();
        } catch (IOException | RuntimeException ex) {
            fail(ex instanceof IOException io ? new UncheckedIOException(io) : ex);
            throwIfFailed();
        }
    }

    private void fail(Throwable t) {
        synchronized (relay) {
            if (failure == null) {
                failure = t;
            } else if (failure != t) {
                failure.addSuppressed(t);
            }
        }
    }

    private void put(Object item) {
        waitFor(ms -> queue.offer(item, ms, TimeUnit.MILLISECONDS));
    }

    /** Waits for the writer to pass {@code latch}. */
    private void await(CountDownLatch latch) {
        waitFor(ms -> latch.await(ms, TimeUnit.MILLISECONDS));
    }

    /** One bounded wait: true when what was waited for happened. */
    private interface TimedWait {
        boolean tryFor(long ms) throws InterruptedException;
    }

    /** Retries {@code w} until it succeeds, checking between tries that the writer still runs. */
    private void waitFor(TimedWait w) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (w.tryFor(POLL_MS)) {
                        return;
                    }
                } catch (InterruptedException ex) {
                    interrupted = true;
                }
                writerMustBeAlive();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A writer that died (it only ends at close) would leave callers waiting forever. */
    private void writerMustBeAlive() {
        if (!writer.isAlive()) {
            throwIfFailed();
            throw new IllegalStateException("trace writer thread ended unexpectedly");
        }
    }

    /** The writer thread: encodes batches in order until the close marker; after a failure it discards. */
    private void drain() {
        try {
            while (true) {
                Object item = take();
                if (item instanceof Object[] items) {
                    write(items);
                    Arrays.fill(items, null);
                    spare.offer(items);
                } else if (item instanceof Barrier b) {
                    if (failure == null) {
                        try {
                            out.flush();
                        } catch (Throwable t) {
                            fail(t);
                        }
                    }
                    b.done.countDown();
                } else {
                    closeOut();
                    return;
                }
            }
        } catch (Throwable t) {
            fail(t);
            closeOut();
        }
    }

    private Object take() {
        Object item = queue.poll();
        if (item != null) {
            return item;
        }
        // nothing to encode: write what the calling thread has not written yet
        if (failure == null && relay.hasQueued()) {
            try {
                relay.writeQueued();
            } catch (IOException | RuntimeException ex) {
                fail(ex instanceof IOException io ? new UncheckedIOException(io) : ex);
            }
        }
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException ex) {
                // only close ends the writer: accepted lines must not be lost
            }
        }
    }

    private void write(Object[] items) {
        if (failure != null) {
            return;
        }
        try {
            for (Object item : items) {
                if (item == null) {
                    break;
                }
                if (item instanceof TraceEvent e) {
                    out.encode(e);
                } else {
                    out.header((TraceHeader) item);
                }
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void closeOut() {
        try {
            out.close();
        } catch (Throwable t) {
            fail(t);
        }
    }

    /** A flush request: the writer flushes the file, then counts down. */
    private static final class Barrier {
        final CountDownLatch done = new CountDownLatch(1);
    }

    private enum Close {
        INSTANCE
    }
}
