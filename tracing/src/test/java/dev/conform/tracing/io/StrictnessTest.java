package dev.conform.tracing.io;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule of docs/trace-format.md is enforced with the right position and message. */
class StrictnessTest {
    private static final String H =
            "{\"type\":\"header\",\"schema\":1,\"algorithm\":\"raft\",\"nodes\":[1,2],\"producer\":\"p\"}\n";

    private static TraceFormatException reject(byte[] bytes, TraceReader.Options options) {
        return assertThrows(TraceFormatException.class, () -> {
            try (TraceReader r = TraceReader.of(new ByteArrayInputStream(bytes), "t.ndjson", options)) {
                while (r.next() != null) {
                    // read to the end
                }
            }
        });
    }

    private static void rejected(String text, long line, int column, String fragment) {
        rejected(text.getBytes(StandardCharsets.UTF_8), TraceReader.Options.defaults(), line, column, fragment);
    }

    private static void rejected(byte[] bytes, TraceReader.Options options, long line, int column, String fragment) {
        TraceFormatException e = reject(bytes, options);
        assertTrue(e.reason().contains(fragment), "message was: " + e.getMessage());
        assertEquals("t.ndjson:" + line + ":" + column, e.file() + ":" + e.line() + ":" + e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.ndjson:" + line + ":" + column + ": "), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
    }

    @Test
    void emptyFile() {
        rejected("", 1, 1, "empty trace");
    }

    @Test
    void missingFinalNewline() {
        rejected(H + "{\"node\":1,\"kind\":\"timer\"}", 2, 26, "not terminated by a newline");
    }

    @Test
    void cutJson() {
        rejected(H + "{\"node\":1,\"kind\":\"ti\n", 2, 21, "truncated JSON");
        rejected(H + "{\"node\":1,\n", 2, 11, "truncated JSON");
    }

    @Test
    void invalidJson() {
        rejected(H + "{\"node\":1,,\"kind\":\"timer\"}\n", 2, 11, "invalid JSON");
        rejected(H + "[1,2]\n", 2, 1, "must be a JSON object");
        rejected(H + "{\"node\":1,\"kind\":\"timer\"} 7\n", 2, 27, "unexpected content after the event");
    }

    @Test
    void wrongTypes() {
        rejected(H + "{\"node\":\"1\",\"kind\":\"timer\"}\n", 2, 9, "\"node\" must be an integer, found a string");
        rejected(H + "{\"node\":1,\"kind\":3}\n", 2, 18, "\"kind\" must be a string");
        rejected(H + "{\"node\":1,\"kind\":\"action\",\"action\":[]}\n", 2, 36, "\"action\" must be a string");
        rejected(H + "{\"node\":1,\"kind\":\"timer\",\"seq\":-4}\n", 2, 32, "must not be negative");
        rejected(H + "{\"node\":1,\"kind\":\"timer\",\"state\":{\"x\":1.5}}\n", 2, 39, "non-integer number");
        rejected(H + "{\"node\":1,\"kind\":\"timer\",\"state\":{\"x\":99999999999999999999}}\n", 2, 39,
                "outside the 64-bit integer range");
        rejected(H + "{\"node\":1,\"kind\":\"timer\",\"vc\":{\"a\":1}}\n", 2, 32, "is not a node id");
        rejected(H + "{\"node\":1,\"kind\":\"send\",\"msg\":{\"id\":1,\"from\":1,\"to\":2,\"type\":7}}\n", 2, 62,
                "\"msg.type\" must be a string");
    }

    @Test
    void unknownKindAndFields() {
        rejected(H + "{\"node\":1,\"kind\":\"explode\"}\n", 2, 18, "unknown event kind \"explode\"");
        rejected(H + "{\"node\":1,\"kind\":\"timer\",\"lamprt\":3}\n", 2, 26, "unknown event field \"lamprt\"");
        rejected(H + "{\"node\":1,\"node\":2,\"kind\":\"timer\"}\n", 2, 11, "duplicate field \"node\"");
        rejected(H + "{\"node\":1,\"kind\":\"timer\",\"state\":{\"a\":1,\"a\":2}}\n", 2, 41, "duplicate key \"a\"");
        rejected(H + H, 2, 2, "only the first line is a header");
    }

    @Test
    void missingRequiredFields() {
        rejected(H + "{\"kind\":\"timer\"}\n", 2, 1, "missing required event field \"node\"");
        rejected(H + "{\"node\":1}\n", 2, 1, "missing required event field \"kind\"");
        rejected(H + "{\"node\":2,\"kind\":\"deliver\"}\n", 2, 1, "\"msg\" for a deliver event");
        rejected(H + "{\"node\":2,\"kind\":\"action\"}\n", 2, 1, "\"action\" for an action event");
        rejected(H + "{\"node\":1,\"kind\":\"send\",\"msg\":{\"id\":1,\"from\":1,\"type\":\"X\"}}\n", 2, 31,
                "missing required field \"msg.to\"");
        rejected("{\"type\":\"header\",\"schema\":1,\"nodes\":[1],\"producer\":\"p\"}\n", 1, 1,
                "missing required header field \"algorithm\"");
    }

    @Test
    void badHeader() {
        rejected("{\"node\":1,\"kind\":\"timer\"}\n", 1, 2, "unknown header field \"node\"");
        rejected("{\"type\":\"header\",\"schema\":2,\"algorithm\":\"a\",\"nodes\":[1],\"producer\":\"p\"}\n",
                1, 27, "unsupported schema version 2");
        rejected("{\"type\":\"event\"}\n", 1, 9, "must be \"header\"");
        rejected("{\"type\":\"header\",\"schema\":1,\"algorithm\":\"a\",\"nodes\":[1,1],\"producer\":\"p\"}\n",
                1, 56, "node 1 listed twice");
    }

    @Test
    void emptyLine() {
        rejected(H + "\n{\"node\":1,\"kind\":\"timer\"}\n", 2, 1, "empty line");
        rejected(H + "   \n", 2, 1, "empty line");
    }

    @Test
    void sequenceNumbers() {
        String e = "{\"seq\":%d,\"node\":1,\"kind\":\"timer\"}\n";
        rejected(H + e.formatted(1) + e.formatted(1), 3, 1, "duplicate sequence number 1 (also on line 2)");
        rejected(H + e.formatted(5) + e.formatted(4), 3, 1, "sequence number 4 is below the previous one, 5 on line 2");
        rejected(H + e.formatted(5) + "{\"node\":1,\"kind\":\"timer\"}\n", 3, 1, "all events carry seq, or none");
    }

    @Test
    void lamportClocks() {
        String e = "{\"node\":%d,\"kind\":\"timer\",\"lamport\":%d}\n";
        rejected(H + e.formatted(1, 3) + e.formatted(2, 1) + e.formatted(1, 3), 4, 1,
                "Lamport clock 3 of node 1 does not increase (it was 3 on line 2)");
        rejected(H + e.formatted(1, 3) + "{\"node\":1,\"kind\":\"timer\"}\n", 3, 1, "has no Lamport clock here");
        String send = "{\"node\":1,\"kind\":\"send\",\"msg\":{\"id\":9,\"from\":1,\"to\":2,\"type\":\"M\"},\"lamport\":7}\n";
        String deliver = "{\"node\":2,\"kind\":\"deliver\",\"msg\":{\"id\":9,\"from\":1,\"to\":2,\"type\":\"M\"},\"lamport\":7}\n";
        rejected(H + send + deliver, 3, 1, "deliver of message 9 has Lamport clock 7, not above 7 of its send on line 2");
    }

    @Test
    void vectorClocks() {
        String e = "{\"node\":%d,\"kind\":\"timer\",\"vc\":%s}\n";
        rejected(H + e.formatted(1, "{\"1\":1}") + e.formatted(1, "{\"1\":3}"), 3, 1,
                "vector clock entry of node 1 for itself is 3, expected 2");
        rejected(H + e.formatted(1, "{\"1\":2}"), 2, 1, "is 2, expected 1");
        rejected(H + e.formatted(1, "{\"1\":1,\"2\":4}") + e.formatted(1, "{\"1\":2,\"2\":3}"), 3, 1,
                "went back in the entry of node 2");
        String send = "{\"node\":1,\"kind\":\"send\",\"msg\":{\"id\":9,\"from\":1,\"to\":2,\"type\":\"M\"},\"vc\":{\"1\":1}}\n";
        String deliver = "{\"node\":2,\"kind\":\"deliver\",\"msg\":{\"id\":9,\"from\":1,\"to\":2,\"type\":\"M\"},\"vc\":{\"2\":1}}\n";
        rejected(H + send + deliver, 3, 1, "deliver of message 9 does not follow its send");
        String wrongTo = "{\"node\":1,\"kind\":\"deliver\",\"msg\":{\"id\":9,\"from\":1,\"to\":2,\"type\":\"M\"},\"vc\":{\"1\":2}}\n";
        rejected(H + send + wrongTo, 3, 1, "deliver recorded on node 1 but the message is to node 2");
        String global = "{\"seq\":%d,\"node\":%d,\"kind\":\"timer\",\"vc\":%s}\n";
        rejected(H + global.formatted(0, 2, "{\"1\":1,\"2\":1}") + global.formatted(1, 1, "{\"1\":1}"), 2, 1,
                "knows of 1 events of node 1, but only 0 precede this line");
    }

    /** Found by the reader fuzz test: a repeated id after an out-of-order one was not caught. */
    @Test
    void duplicateVectorClockEntriesInAnyOrder() {
        String e = "{\"node\":1,\"kind\":\"timer\",\"vc\":%s}\n";
        rejected(H + e.formatted("{\"1\":1,\"1\":1}"), 2, 38, "duplicate vector clock entry for node 1");
        rejected(H + e.formatted("{\"2\":1,\"1\":1,\"2\":1}"), 2, 44, "duplicate vector clock entry for node 2");
        rejected(H + e.formatted("{\"1\":1,\"2\":1,\"1\":1}"), 2, 44, "duplicate vector clock entry for node 1");
    }

    @Test
    void deliveryAfterForgottenSendIsNotChecked() {
        String send = "{\"node\":1,\"kind\":\"send\",\"msg\":{\"id\":%d,\"from\":1,\"to\":2,\"type\":\"M\"},\"vc\":{\"1\":%d}}\n";
        String deliver = "{\"node\":2,\"kind\":\"deliver\",\"msg\":{\"id\":1,\"from\":1,\"to\":2,\"type\":\"M\"},\"vc\":{\"2\":1}}\n";
        String text = H + send.formatted(1, 1) + send.formatted(2, 2) + send.formatted(3, 3) + deliver;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // with room for 2 pending sends the first one is forgotten: the bad deliver passes unchecked
        try (TraceReader r = TraceReader.of(new ByteArrayInputStream(bytes), "t.ndjson",
                TraceReader.Options.defaults().withMaxPendingSends(2))) {
            int n = 0;
            while (r.next() != null) {
                n++;
            }
            assertEquals(4, n);
        }
        rejected(bytes, TraceReader.Options.defaults().withMaxPendingSends(3), 5, 1, "does not follow its send");
    }

    @Test
    void oversizedLine() {
        String big = "{\"node\":1,\"kind\":\"timer\",\"state\":\"" + "x".repeat(200) + "\"}\n";
        rejected((H + big).getBytes(StandardCharsets.UTF_8), TraceReader.Options.defaults().withMaxLineBytes(100),
                2, 1, "line longer than the limit of 100 bytes");
    }

    @Test
    void invalidUtf8() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(H.getBytes(StandardCharsets.UTF_8));
        b.writeBytes("{\"node\":1,\"kind\":\"action\",\"action\":\"\u00e9".getBytes(StandardCharsets.UTF_8));
        b.write(0xc0);
        b.write(0x80);
        b.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        rejected(b.toByteArray(), TraceReader.Options.defaults(), 2, 38, "invalid UTF-8 byte 0xc0");
        rejected((H + "{\"node\":1,\u0000}\n").getBytes(StandardCharsets.UTF_8), TraceReader.Options.defaults(),
                2, 11, "NUL byte");
    }

    @Test
    void deepNestingIsALimitNotACrash() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        rejected(H + "{\"node\":1,\"kind\":\"timer\",\"state\":" + deep + "}\n", 2, 233, "limit exceeded");
    }

    @Test
    void crlfLineEndingsAreAccepted() {
        String text = H.replace("\n", "\r\n") + "{\"node\":1,\"kind\":\"timer\"}\r\n";
        try (TraceReader r = TraceReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t")) {
            assertEquals(1, r.next().node());
            assertEquals(null, r.next());
        }
    }

    @Test
    void columnsCountCharactersNotBytes() {
        rejected(H + "{\"node\":1,\"kind\":\"action\",\"action\":\"\u00e9\u4e2d\",\"x\":1}\n", 2, 41,
                "unknown event field \"x\"");
    }

    @Test
    void eventsNameOnlyTheHeadersNodes() {
        rejected(H + "{\"node\":3,\"kind\":\"timer\"}\n", 2, 9, "node 3 is not in the header's \"nodes\"");
        rejected(H + "{\"kind\":\"timer\",\"node\":0}\n", 2, 24, "node 0 is only for faults of the whole cluster");
        rejected(H + "{\"node\":1,\"kind\":\"send\",\"msg\":{\"id\":1,\"from\":1,\"to\":7,\"type\":\"M\"}}\n", 2, 53,
                "\"msg.to\" names node 7");
        rejected(H + "{\"node\":1,\"kind\":\"send\",\"msg\":{\"id\":1,\"from\":9,\"to\":2,\"type\":\"M\"}}\n", 2, 46,
                "\"msg.from\" names node 9");
        rejected(H + "{\"node\":1,\"kind\":\"timer\",\"vc\":{\"1\":1,\"5\":1}}\n", 2, 38,
                "vector clock entry for node 5");
        accepted(H + "{\"node\":0,\"kind\":\"fault\",\"action\":\"heal\"}\n");
        rejected(H + "{\"node\":3,\"kind\":\"timer\"}\n", 2, 9, "not in the header");
        // a per-node file of a real cluster may name clients its header does not list
        readAll(H + "{\"node\":1,\"kind\":\"send\",\"msg\":{\"id\":1,\"from\":1,\"to\":101,\"type\":\"M\"}}\n",
                TraceReader.Options.defaults().withNodeCheck(false));
    }

    @Test
    void rolesGiveEveryNodeOneRole() {
        String head = "{\"type\":\"header\",\"schema\":1,\"algorithm\":\"raft\",\"nodes\":[1,2,101],";
        rejected(head + "\"roles\":{\"server\":[1,2],\"client\":[101,2]},\"producer\":\"p\"}\n", 1, 74,
                "node 2 has two roles");
        rejected(head + "\"roles\":{\"server\":[1,2]},\"producer\":\"p\"}\n", 1, 74, "node 101 has no role");
        rejected(head + "\"roles\":{\"server\":[1,2,3],\"client\":[101]},\"producer\":\"p\"}\n", 1, 74,
                "names node 3, which is not in \"nodes\"");
        rejected(head + "\"roles\":[1,2],\"producer\":\"p\"}\n", 1, 74, "\"roles\" must be an object");
        rejected(head + "\"roles\":{\"server\":[1,2],\"server\":[101]},\"producer\":\"p\"}\n", 1, 90,
                "role \"server\" listed twice");
        try (TraceReader r = TraceReader.of(new ByteArrayInputStream(
                (head + "\"roles\":{\"server\":[1,2],\"client\":[101]},\"producer\":\"p\"}\n").getBytes(StandardCharsets.UTF_8)),
                "t.ndjson")) {
            assertEquals(java.util.List.of(1, 2), r.header().servers());
            assertEquals(java.util.List.of(101), r.header().clients());
            assertEquals("client", r.header().roleOf(101));
        }
    }

    private static void accepted(String text) {
        readAll(text, TraceReader.Options.defaults());
    }

    private static void readAll(String text, TraceReader.Options options) {
        try (TraceReader r = TraceReader.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.ndjson",
                options)) {
            while (r.next() != null) {
                // read to the end
            }
        }
    }
}
