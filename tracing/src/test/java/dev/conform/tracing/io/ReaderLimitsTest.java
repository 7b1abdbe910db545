package dev.conform.tracing.io;

import dev.conform.tracing.TraceEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits docs/trace-format.md states ("Limits"): how deep values nest, how long a line and a
 * number may be, and that the reader's memory is bounded by the line limit, not by the input.
 */
class ReaderLimitsTest {
    private static final String H =
            "{\"type\":\"header\",\"schema\":1,\"algorithm\":\"raft\",\"nodes\":[1,2],\"producer\":\"p\"}\n";

    private static List<TraceEvent> read(InputStream in, TraceReader.Options options) {
        try (TraceReader r = TraceReader.of(in, "t.ndjson", options)) {
            List<TraceEvent> out = new java.util.ArrayList<>();
            for (TraceEvent e; (e = r.next()) != null; ) {
                out.add(e);
            }
            return out;
        }
    }

    private static List<TraceEvent> read(String text) {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), TraceReader.Options.defaults());
    }

    private static TraceFormatException rejected(String text) {
        return assertThrows(TraceFormatException.class, () -> read(text));
    }

    /** An event whose state holds arrays nested {@code depth} deep: the line nests depth + 1. */
    private static String nested(int depth) {
        return H + "{\"node\":1,\"kind\":\"timer\",\"state\":" + "[".repeat(depth) + "]".repeat(depth) + "}\n";
    }

    @Test
    void valuesNestUpToTheDocumentedDepth() {
        int limit = TraceReader.MAX_NESTING_DEPTH;
        assertEquals(1, read(nested(limit - 1)).size());
        TraceFormatException e = rejected(nested(limit));
        assertTrue(e.reason().startsWith("limit exceeded: "), e.getMessage());
        assertEquals(2, e.line());
        // the column of the first bracket past the limit: the event's '{' is level 1
        assertEquals("{\"node\":1,\"kind\":\"timer\",\"state\":".length() + limit, e.column(), e.getMessage());
    }

    @Test
    void numbersHaveAtMostTheDocumentedDigits() {
        String ok = "1".repeat(TraceReader.MAX_NUMBER_CHARS);
        String tooLong = ok + "1";
        assertTrue(rejected(H + "{\"node\":1,\"kind\":\"timer\",\"state\":{\"x\":" + ok + "}}\n").reason()
                .contains("outside the 64-bit integer range"));
        TraceFormatException e = rejected(H + "{\"node\":1,\"kind\":\"timer\",\"state\":{\"x\":" + tooLong + "}}\n");
        assertTrue(e.reason().startsWith("limit exceeded: "), e.getMessage());
        assertEquals(1, read(H + "{\"node\":1,\"kind\":\"timer\",\"state\":{\"x\":-9223372036854775808}}\n").size());
    }

    /** Bytes without a newline, forever; counts what was read. */
    private static final class Endless extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return '[';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) '[');
            served += len;
            return len;
        }
    }

    @Test
    void anEndlessLineIsRejectedAfterTheLimitNotBufferedWhole() {
        int limit = 1 << 20;
        Endless endless = new Endless();
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(H.getBytes(StandardCharsets.UTF_8)), endless);
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> read(in, TraceReader.Options.defaults().withMaxLineBytes(limit)));
        assertEquals("t.ndjson:2:1: line longer than the limit of " + limit + " bytes", e.getMessage());
        assertTrue(endless.served <= 2L * limit, "read " + endless.served + " bytes for a limit of " + limit);
    }

    @Test
    void aLongValueFromTheInputIsCutInTheMessage() {
        String name = "n".repeat(TraceReader.MAX_NAME_CHARS);
        TraceFormatException e = rejected(H + "{\"node\":1,\"kind\":\"timer\",\"" + name + "\":1}\n");
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        assertTrue(e.reason().startsWith("unknown event field \"nnnn"), e.getMessage());
        assertTrue(e.reason().endsWith("(" + TraceReader.MAX_NAME_CHARS + " characters)"), e.getMessage());
        TraceFormatException tooLong = rejected(H + "{\"node\":1,\"kind\":\"timer\",\"state\":{\"" + name + "n\":1}}\n");
        assertTrue(tooLong.reason().startsWith("limit exceeded: "), tooLong.getMessage());
        TraceFormatException ctl = rejected(H + "{\"node\":1,\"kind\":\"timer\",\"a\\nb\\u0000\":1}\n");
        assertEquals("unknown event field \"a\\u000ab\\u0000\"", ctl.reason());
    }
}
