package dev.conform.tracing.io;

import dev.conform.tracing.TraceEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader runs one JSON parser over the whole input but must judge every line on its own: a
 * value may not continue on the next line, a line holds one value, and positions stay right
 * across the reader's chunk buffer and the parser's own buffer, however long the trace.
 */
class LineStructureTest {
    private static final String H =
            "{\"type\":\"header\",\"schema\":1,\"algorithm\":\"raft\",\"nodes\":[1,2],\"producer\":\"p\"}\n";
    private static final String TIMER = "{\"node\":1,\"kind\":\"timer\"}\n";

    private static TraceFormatException reject(String text) {
        return reject(text.getBytes(StandardCharsets.UTF_8), TraceReader.Options.defaults());
    }

    private static TraceFormatException reject(byte[] bytes, TraceReader.Options options) {
        return assertThrows(TraceFormatException.class, () -> readAll(new ByteArrayInputStream(bytes), options));
    }

    private static long readAll(InputStream in, TraceReader.Options options) {
        try (TraceReader r = TraceReader.of(in, "t.ndjson", options)) {
            long n = 0;
            while (r.next() != null) {
                n++;
            }
            return n;
        }
    }

    private static void at(TraceFormatException e, long line, int column, String fragment) {
        assertEquals("t.ndjson:" + line + ":" + column, e.file() + ":" + e.line() + ":" + e.column(), e.getMessage());
        assertTrue(e.reason().contains(fragment), e.getMessage());
    }

    @Test
    void aValueMayNotContinueOnTheNextLine() {
        // valid JSON if the newline were whitespace: the reader must stop at the end of line 2
        at(reject(H + "{\"node\":1,\n\"kind\":\"timer\"}\n"), 2, 11, "truncated JSON");
        at(reject(H + "{\"node\":1,\"kind\":\n\"timer\"}\n"), 2, 18, "truncated JSON");
        // an error in the continuation is not reached
        at(reject(H + "{\"node\":1,\n\"kind\":\"explode\"}\n"), 2, 11, "truncated JSON");
    }

    @Test
    void oneValuePerLine() {
        at(reject(H + "{\"node\":1,\"kind\":\"timer\"}{\"node\":1,\"kind\":\"timer\"}\n"), 2, 26,
                "unexpected content after the event object");
        at(reject(H + "{\"node\":1,\"kind\":\"timer\"} x\n"), 2, 27, "invalid JSON");
        at(reject(H + "{\"node\":1,\"kind\":\"timer\"} ]\n"), 2, 27, "invalid JSON");
        at(reject(H + "{\"node\":1,\"kind\":\"timer\"} \"open\n"), 2, 27, "unexpected content after the event object");
        at(reject(H.replace("}\n", "} 1\n")), 1, H.length() + 1, "unexpected content after the header object");
        // trailing content is found before a missing field of the same line is
        at(reject(H + "{\"node\":1} 2\n"), 2, 12, "unexpected content");
    }

    @Test
    void trailingWhitespaceIsFine() {
        byte[] b = (H + "{\"node\":1,\"kind\":\"timer\"} \t \r\n" + TIMER).getBytes(StandardCharsets.UTF_8);
        assertEquals(2, readAll(new ByteArrayInputStream(b), TraceReader.Options.defaults()));
    }

    @Test
    void blankLinesBetweenEventsAreRejectedWhereTheyAre() {
        at(reject(H + TIMER + " \t\n" + TIMER), 3, 1, "empty line");
        at(reject(H + TIMER + TIMER + "\r\n"), 4, 1, "empty line");
    }

    @Test
    void theFirstErrorIsReportedAgainAfterIt() {
        byte[] b = (H + TIMER + "{\"node\":1,\"kind\":7}\n" + TIMER).getBytes(StandardCharsets.UTF_8);
        try (TraceReader r = TraceReader.of(new ByteArrayInputStream(b), "t.ndjson")) {
            assertEquals(1, r.next().node());
            TraceFormatException first = assertThrows(TraceFormatException.class, r::next);
            at(first, 3, 18, "\"kind\" must be a string");
            assertSame(first, assertThrows(TraceFormatException.class, r::next));
        }
    }

    @Test
    void lineLimitIsExact() {
        String line = "{\"node\":1,\"kind\":\"timer\",\"state\":\"" + "x".repeat(70) + "\"}";
        int len = line.length();
        byte[] b = (H + line + "\n").getBytes(StandardCharsets.UTF_8);
        TraceReader.Options limit = TraceReader.Options.defaults().withMaxLineBytes(len);
        assertEquals(1, readAll(new ByteArrayInputStream(b), limit));
        at(reject(b, limit.withMaxLineBytes(len - 1)), 2, 1, "line longer than the limit of " + (len - 1));
    }

    @Test
    void longLinesCrossTheBuffersIntact() {
        // far longer than the reader's 64 KiB chunk and the parser's 8,000-byte buffer
        String big = "\u00e9" + "y".repeat(200_000) + "\u4e2d";
        String line = "{\"node\":1,\"kind\":\"action\",\"action\":\"" + big + "\",\"state\":{\"k\":[1,2,3]}}\n";
        byte[] b = (H + line + TIMER + line).getBytes(StandardCharsets.UTF_8);
        try (TraceReader r = TraceReader.of(new ByteArrayInputStream(b), "t.ndjson")) {
            TraceEvent e = r.next();
            assertEquals(big, e.action());
            assertEquals(Map.of("k", List.of(1L, 2L, 3L)), e.state());
            assertEquals("timer", r.next().kind().wireName());
            assertEquals(big, r.next().action());
            assertNull(r.next());
        }
        // a column after the long value counts characters of this line only
        String bad = "{\"node\":1,\"kind\":\"action\",\"action\":\"" + big + "\",\"x\":1}\n";
        at(reject(H + line + bad), 3, 36 + big.length() + 3, "unknown event field \"x\"");
    }

    @Test
    void positionsStayRightDeepIntoALongTrace() {
        // about 4 MB through many chunk refills: the bad line is found with its own line and column
        int events = 60_000;
        int badAt = 54_321;
        InputStream in = new InputStream() {
            private byte[] cur = H.getBytes(StandardCharsets.UTF_8);
            private int pos;
            private int emitted;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] dst, int off, int len) {
                if (pos == cur.length) {
                    if (emitted == events) {
                        return -1;
                    }
                    emitted++;
                    String kind = emitted == badAt ? "timr" : "timer";
                    cur = ("{\"seq\":" + emitted + ",\"node\":" + (1 + emitted % 2) + ",\"kind\":\"" + kind
                            + "\",\"state\":{\"pad\":\"" + "p".repeat(emitted % 50) + "\"}}\n")
                            .getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                }
                int n = Math.min(len, cur.length - pos);
                System.arraycopy(cur, pos, dst, off, n);
                pos += n;
                return n;
            }
        };
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> readAll(in, TraceReader.Options.defaults()));
        String prefix = "{\"seq\":" + badAt + ",\"node\":" + (1 + badAt % 2) + ",\"kind\":";
        at(e, badAt + 1, prefix.length() + 1, "unknown event kind \"timr\"");
    }

    @Test
    void objectsReadAsMapsWithTheirFieldOrder() {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            many.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        }
        many.append('}');
        String text = H + "{\"node\":1,\"kind\":\"timer\",\"state\":{\"b\":1,\"a\":{},\"c\":[{\"d\":null}],\"m\":"
                + many + "}}\n";
        try (TraceReader r = TraceReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t")) {
            Map<?, ?> st = assertInstanceOf(Map.class, r.next().state());
            assertEquals(List.of("b", "a", "c", "m"), List.copyOf(st.keySet()));
            assertEquals(Map.of(), st.get("a"));
            assertTrue(st.containsKey("c") && !st.containsKey("z"));
            Map<?, ?> m = assertInstanceOf(Map.class, st.get("m"));
            assertEquals(40, m.size());
            assertEquals(39L, m.get("f39"));
            assertEquals("{b=1, a={}, c=[{d=null}], m=" + m + "}", st.toString());
            Map<String, Object> same = new java.util.LinkedHashMap<>();
            same.put("b", 1L);
            same.put("a", Map.of());
            java.util.Map<String, Object> d = new java.util.HashMap<>();
            d.put("d", null);
            same.put("c", List.of(d));
            same.put("m", m);
            assertEquals(same, st);
            assertEquals(st, same);
            assertEquals(same.hashCode(), st.hashCode());
        }
        // a duplicate key is caught in small and large objects alike
        String dupLarge = many.substring(0, many.length() - 1) + ",\"f7\":1}";
        String prefix = "{\"node\":1,\"kind\":\"timer\",\"state\":";
        at(reject(H + prefix + dupLarge + "}\n"), 2,
                prefix.length() + dupLarge.indexOf(",\"f7\":1}") + 2, "duplicate key \"f7\"");
    }

    @Test
    void aStreamThatDeliversOneByteAtATimeReadsTheSame() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NdjsonSink sink = new NdjsonSink(out)) {
            sink.header(TraceSamples.header(3));
            for (TraceEvent e : TraceSamples.events(5, 3, 300)) {
                sink.event(e);
            }
        }
        byte[] b = out.toByteArray();
        InputStream trickle = new ByteArrayInputStream(b) {
            @Override
            public synchronized int read(byte[] dst, int off, int len) {
                return super.read(dst, off, Math.min(len, 1));
            }
        };
        assertEquals(TraceSamples.events(5, 3, 300).size(), readAll(trickle, TraceReader.Options.defaults()));
    }
}
