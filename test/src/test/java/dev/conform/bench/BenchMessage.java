package dev.conform.bench;

import dev.conform.runtime.net.Frame;
import dev.conform.runtime.net.FrameCodec;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one message body of {@link TransportBench}: a sequence number, the sender's
 * {@link System#nanoTime()} (one monotonic clock for every process on the machine), whether it
 * is the last of a throughput run, and padding that sets the frame's size.
 */
record BenchMessage(long seq, long nanos, boolean last, String pad) {
    /** Echoed round trip. */
    static final String PING = "Ping";
    /** One-way throughput; the peer answers with {@link #ACK}s. */
    static final String BULK = "Bulk";
    /** Frames received so far in a throughput run ({@code seq}). */
    static final String ACK = "Ack";
    /** Independent streams of the head-of-line run, echoed like {@link #PING}. */
    static final int STREAMS = 4;

    static String stream(int i) {
        return "S" + i;
    }

    static FrameCodec codec() {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (String t : new String[] {PING, BULK, ACK}) {
            types.put(t, BenchMessage.class);
        }
        for (int i = 0; i < STREAMS; i++) {
            types.put(stream(i), BenchMessage.class);
        }
        return new FrameCodec(types);
    }

    /** Padding that makes a {@code type} frame with a 6-digit seq and a nanoTime about {@code bytes} long as JSON. */
    static String padFor(FrameCodec codec, String type, int bytes) throws IOException {
        Frame probe = new Frame(100_000, 1, 2, type, new BenchMessage(100_000, System.nanoTime(), false, ""), 0, Map.of());
        int bare = codec.encode(probe).length;
        return "x".repeat(Math.max(0, bytes - bare));
    }
}
