package dev.conform.tracing.io;

import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoundTripTest {
    @TempDir
    Path dir;

    @Test
    void writeThenReadGivesEqualEvents() throws Exception {
        for (long seed = 1; seed <= 20; seed++) {
            Path f = dir.resolve("t" + seed + ".ndjson");
            TraceHeader h = SampleTraces.header(3);
            List<TraceEvent> events = SampleTraces.events(seed, 3, 300);
            try (NdjsonSink sink = new NdjsonSink(f)) {
                sink.header(h);
                events.forEach(sink::event);
            }
            try (TraceReader r = TraceReader.open(f)) {
                assertEquals(h, r.header());
                for (TraceEvent e : events) {
                    assertEquals(normalize(e), r.next(), "line " + r.line());
                }
                assertNull(r.next());
                assertNull(r.next());
            }
        }
    }

    /** Null map values are written as null and read back as null; the model keeps them. */
    private static TraceEvent normalize(TraceEvent e) {
        return e;
    }

    record Body(long term, String value) {
    }

    @Test
    void recordsAreWrittenThroughJacksonAndReadBackAsMaps() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NdjsonSink sink = new NdjsonSink(bytes)) {
            sink.header(new TraceHeader(1, "kv", List.of(1, 101), null, null, "p", Map.of()));
            sink.event(new TraceEvent(-1, 101, EventKind.SEND, null,
                    new TraceMessage(3, 101, 1, "Put", new Body(2, "a\"b\n")), null, -1, null));
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"header\",\"schema\":1,\"algorithm\":\"kv\",\"nodes\":[1,101],\"producer\":\"p\"}\n"
                + "{\"node\":101,\"kind\":\"send\",\"msg\":{\"id\":3,\"from\":101,\"to\":1,\"type\":\"Put\","
                + "\"body\":{\"term\":2,\"value\":\"a\\\"b\\n\"}}}\n", text);
        TraceReader r = TraceReader.of(new java.io.ByteArrayInputStream(bytes.toByteArray()), "mem");
        TraceEvent e = r.next();
        assertEquals(Map.of("term", 2L, "value", "a\"b\n"), e.msg().body());
        assertEquals(-1, e.seq());
        assertEquals(-1, e.lamport());
        assertNull(e.vc());
        assertNull(r.next());
    }

    @Test
    void headerOnlyTraceHasNoEvents() throws Exception {
        Path f = dir.resolve("h.ndjson");
        try (NdjsonSink sink = new NdjsonSink(f)) {
            sink.header(SampleTraces.header(2));
        }
        assertTrue(Files.size(f) > 0);
        assertTrue(TraceReader.readAll(f).isEmpty());
    }
}
