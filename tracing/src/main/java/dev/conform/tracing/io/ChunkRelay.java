package dev.conform.tracing.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;

/**
 * The file end of {@link BackgroundNdjsonSink}: the encoder's full buffers are copied into
 * chunks and queued here, and whichever thread has time writes queued chunks to the file, in
 * order: the calling thread each time it hands events over ({@link #writeQueued()}), the writer
 * thread when it waits for events, at flush and close, or when too many chunks are queued. On a
 * two-core machine this moves the file writes off the encoder, usually the busier thread.
 *
 * <p>All methods are thread-safe; chunks reach the file in the order they were queued.
 */
final class ChunkRelay extends OutputStream {
    /** Chunks queued before the encoding thread writes them itself. */
    private static final int MAX_QUEUED = 8;

    private final OutputStream file;
    private final Object fileLock = new Object();
    /** Guarded by itself, as is {@link #spare}. */
    private final ArrayDeque<Chunk> queued = new ArrayDeque<>();
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private boolean closed;

    ChunkRelay(OutputStream file) {
        this.file = file;
    }

    private record Chunk(byte[] bytes, int length) {
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Queues a copy of the bytes; writes the queue itself when it is long. */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        byte[] copy;
        synchronized (queued) {
            copy = spare.poll();
        }
        if (copy == null || copy.length < len) {
            copy = new byte[len];
        }
        System.arraycopy(b, off, copy, 0, len);
        boolean full;
        synchronized (queued) {
            queued.add(new Chunk(copy, len));
            full = queued.size() > MAX_QUEUED;
        }
        if (full) {
            writeQueued();
        }
    }

    /** Writes every queued chunk to the file, oldest first. */
    void writeQueued() throws IOException {
        synchronized (fileLock) {
            while (true) {
                Chunk c;
                synchronized (queued) {
                    c = queued.poll();
                }
                if (c == null) {
                    return;
                }
                file.write(c.bytes, 0, c.length);
                synchronized (queued) {
                    if (spare.size() < MAX_QUEUED) {
                        spare.add(c.bytes);
                    }
                }
            }
        }
    }

    /** True when chunks wait to be written. */
    boolean hasQueued() {
        synchronized (queued) {
            return !queued.isEmpty();
        }
    }

    @Override
    public void flush() throws IOException {
        writeQueued();
        synchronized (fileLock) {
            file.flush();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (fileLock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                writeQueued();
            } finally {
                file.close();
            }
        }
    }
}
