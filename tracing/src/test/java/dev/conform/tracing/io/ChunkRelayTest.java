package dev.conform.tracing.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Chunks reach the file in order, whichever thread writes them, and close writes the rest. */
class ChunkRelayTest {

    @Test
    void chunksKeepTheirOrderWhileAnotherThreadWritesThem() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ChunkRelay relay = new ChunkRelay(file);
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> error = new AtomicReference<>();
            Thread other = new Thread(() -> {
                try {
                    while (!done.get()) {
                        relay.writeQueued();
                    }
                } catch (Throwable t) {
                    error.set(t);
                }
            });
            other.start();
            byte[] source = new byte[5_000];
            for (int i = 0; i < 3_000; i++) {
                int len = rnd.nextInt(source.length);
                for (int j = 0; j < len; j++) {
                    source[j] = (byte) rnd.nextInt(256);
                }
                int off = len == 0 ? 0 : rnd.nextInt(len + 1);
                relay.write(source, off, len - off);
                expected.write(source, off, len - off);
                // the caller reuses its buffer at once, as the encoder does
                source[0] ^= 1;
            }
            done.set(true);
            other.join();
            relay.close();
            assertEquals(null, error.get());
            assertArrayEquals(expected.toByteArray(), file.toByteArray(), "seed " + seed);
        }
    }

    @Test
    void flushWritesQueuedChunksAndFlushesTheFile() throws IOException {
        boolean[] flushed = {false};
        ByteArrayOutputStream file = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushed[0] = true;
            }
        };
        ChunkRelay relay = new ChunkRelay(file);
        relay.write(new byte[] {1, 2, 3}, 0, 3);
        assertTrue(relay.hasQueued());
        assertEquals(0, file.size(), "queued, not yet written");
        relay.flush();
        assertArrayEquals(new byte[] {1, 2, 3}, file.toByteArray());
        assertTrue(flushed[0]);
    }

    @Test
    void writeErrorsReachTheThreadThatWrites() {
        ChunkRelay relay = new ChunkRelay(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        });
        assertThrows(IOException.class, () -> {
            for (int i = 0; i < 100; i++) {
                relay.write(new byte[10], 0, 10); // a long queue is written by the queuing thread
            }
        });
        assertThrows(IOException.class, relay::close);
    }
}
