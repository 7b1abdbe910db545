package dev.conform.tracing.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.VectorClock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer-thread sink writes exactly what the synchronous one writes, and fails closed. */
class BackgroundNdjsonSinkTest {

    private static byte[] synchronous(TraceHeader h, List<TraceEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NdjsonSink s = new NdjsonSink(bytes)) {
            s.header(h);
            events.forEach(s::event);
        }
        return bytes.toByteArray();
    }

    /** Many batches (more than the queue holds, so the producer waits), flushes at random points. */
    @Test
    void sameBytesAsTheSynchronousSink() {
        for (long seed = 1; seed <= 6; seed++) {
            TraceHeader h = TraceSamples.header(4);
            List<TraceEvent> events = TraceSamples.events(seed, 4, seed == 1 ? 20_000 : 1 + (int) seed * 700);
            byte[] expected = synchronous(h, events);
            SplittableRandom rnd = new SplittableRandom(seed);
            ClosingStream bytes = new ClosingStream();
            try (BackgroundNdjsonSink s = new BackgroundNdjsonSink(bytes)) {
                s.header(h);
                for (TraceEvent e : events) {
                    s.event(e);
                    if (rnd.nextInt(1_000) == 0) {
                        s.flush();
                        byte[] now = bytes.toByteArray();
                        assertArrayEquals(java.util.Arrays.copyOf(expected, now.length), now,
                                "seed " + seed + ": a flush wrote a prefix of the trace");
                        assertEquals('\n', now[now.length - 1], "a flush writes whole lines");
                    }
                }
            }
            assertTrue(bytes.closed, "close closes the stream");
            assertArrayEquals(expected, bytes.toByteArray(), "seed " + seed);
        }
    }

    @Test
    void flushMakesEveryAcceptedLineVisible(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.ndjson");
        TraceHeader h = TraceSamples.header(3);
        List<TraceEvent> events = TraceSamples.events(9, 3, 1_234);
        try (BackgroundNdjsonSink s = new BackgroundNdjsonSink(file)) {
            s.header(h);
            events.forEach(s::event);
            s.flush();
            assertArrayEquals(synchronous(h, events), Files.readAllBytes(file));
        }
    }

    @Test
    void misuseFailsInTheCall() {
        BackgroundNdjsonSink s = new BackgroundNdjsonSink(new ByteArrayOutputStream());
        TraceEvent e = TraceSamples.events(1, 2, 1).get(0);
        assertThrows(IllegalStateException.class, () -> s.event(e), "event before the header");
        s.header(TraceSamples.header(2));
        assertThrows(IllegalStateException.class, () -> s.header(TraceSamples.header(2)), "second header");
        TraceEvent malformed = new TraceEvent(-1, 1, EventKind.SEND, null, null, null, -1, null);
        assertThrows(RuntimeException.class, () -> s.event(malformed), "a send without a message");
        s.event(e);
        s.close();
        assertThrows(IllegalStateException.class, () -> s.event(e), "event after close");
        s.close(); // closing twice is harmless
    }

    /** An I/O error on the writer thread surfaces from a later call and from close; nothing is accepted after it. */
    @Test
    void writeErrorsSurfaceAndCloseStillThrows() {
        FailingStream stream = new FailingStream(10_000);
        BackgroundNdjsonSink s = new BackgroundNdjsonSink(stream);
        s.header(TraceSamples.header(4));
        List<TraceEvent> events = TraceSamples.events(3, 4, 5_000);
        RuntimeException seen = null;
        for (TraceEvent e : events) {
            try {
                s.event(e);
            } catch (RuntimeException ex) {
                seen = ex;
                break;
            }
        }
        if (seen == null) {
            seen = assertThrows(RuntimeException.class, s::flush);
        }
        assertInstanceOf(UncheckedIOException.class, seen);
        assertTrue(seen.getMessage().contains("disk full"), seen.getMessage());
        assertThrows(UncheckedIOException.class, () -> s.event(events.get(0)), "failed sinks accept nothing");
        assertThrows(UncheckedIOException.class, s::close);
        assertTrue(stream.closed, "the stream is closed even after a failure");
    }

    /** Events still waiting in the caller's batch when the failure shows: close still closes the file. */
    @Test
    void closeAfterAFailureWithEventsPendingClosesTheStream() {
        for (int round = 0; round < 20; round++) {
            FailingStream stream = new FailingStream(70_000);
            BackgroundNdjsonSink s = new BackgroundNdjsonSink(stream);
            s.header(TraceSamples.header(3));
            List<TraceEvent> events = TraceSamples.events(round, 3, 3_000);
            int accepted = 0;
            try {
                for (TraceEvent e : events) {
                    s.event(e);
                    accepted++;
                }
            } catch (UncheckedIOException expected) {
                // the writer failed; the batch being filled holds the events accepted since the last handoff
            }
            assertTrue(accepted > 0);
            assertThrows(UncheckedIOException.class, s::close);
            assertTrue(stream.closed, "round " + round + ": the stream is closed after " + accepted + " events");
            assertFalse(s.writerThread().isAlive());
        }
    }

    /** A value the encoder rejects (a floating-point number) fails the sink from the writer thread. */
    @Test
    void encoderRejectionSurfacesAtClose() {
        BackgroundNdjsonSink s = new BackgroundNdjsonSink(new ByteArrayOutputStream());
        s.header(TraceSamples.header(1));
        s.event(new TraceEvent(0, 1, EventKind.ACTION, "Bad", null, Map.of("x", 1.5), 1,
                VectorClock.empty().tick(1)));
        IllegalStateException ex = assertThrows(IllegalStateException.class, s::close);
        assertInstanceOf(IllegalArgumentException.class, ex.getCause());
    }

    @Test
    void isEnabledAndNamesItsThread() {
        try (BackgroundNdjsonSink s = new BackgroundNdjsonSink(new ByteArrayOutputStream())) {
            TraceSink sink = s;
            assertTrue(sink.enabled());
            assertTrue(s.writerThread().isDaemon());
            assertTrue(s.writerThread().isAlive());
        }
    }

    @Test
    void closeEndsTheWriterThread() {
        BackgroundNdjsonSink s = new BackgroundNdjsonSink(new ByteArrayOutputStream());
        s.header(TraceSamples.header(2));
        s.close();
        assertFalse(s.writerThread().isAlive());
    }

    private static final class ClosingStream extends ByteArrayOutputStream {
        volatile boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Accepts {@code limit} bytes, then fails every write. */
    private static final class FailingStream extends OutputStream {
        private long left;
        volatile boolean closed;

        FailingStream(long limit) {
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                throw new IOException("disk full");
            }
            left -= len;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
