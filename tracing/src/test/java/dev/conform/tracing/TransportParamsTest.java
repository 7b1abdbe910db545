package dev.conform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.io.TraceReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A header's transport decides whether duplicates are possible, and must agree with its rates. */
class TransportParamsTest {
    private static Map<String, Object> real(String transport, int dup) {
        return Map.of("transport", transport, "net", "unreliable", "lossPercent", 100, "duplicatePercent", dup);
    }

    @Test
    void headersAsTheRuntimeWritesThemAreConsistent() {
        assertNull(TransportParams.problem(real("tcp", 0)));
        assertNull(TransportParams.problem(real("quic", 0)));
        assertNull(TransportParams.problem(real("udp", 100)));
        assertNull(TransportParams.problem(Map.of("net", "unreliable", "duplicatePercent", 5)), "simulator: no transport");
        assertTrue(TransportParams.mayDuplicate(real("udp", 100)));
        assertTrue(TransportParams.mayDuplicate(Map.of()));
        assertFalse(TransportParams.mayDuplicate(real("tcp", 0)));
        assertFalse(TransportParams.mayDuplicate(real("quic", 0)));
    }

    @Test
    void contradictionsNameTheField() {
        assertTrue(TransportParams.problem(real("tcp", 100)).contains("params.duplicatePercent is 100"));
        assertTrue(TransportParams.problem(real("quic", 3)).contains("params.duplicatePercent is 3"));
        assertTrue(TransportParams.problem(real("udp", 0)).contains("params.duplicatePercent is 0"));
        assertTrue(TransportParams.problem(Map.of("transport", "udp", "duplicatePercent", 100))
                .contains("params.net is \"reliable\""));
        assertTrue(TransportParams.problem(Map.of("transport", "sctp")).contains("params.transport is \"sctp\""));
    }

    @Test
    void theReaderRejectsAnInconsistentHeaderAtItsParams() {
        String header = "{\"type\":\"header\",\"schema\":1,\"algorithm\":\"x\",\"nodes\":[1],\"producer\":\"p\","
                + "\"params\":{\"transport\":\"tcp\",\"net\":\"unreliable\",\"duplicatePercent\":100}}\n";
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceReader.of(
                new ByteArrayInputStream(header.getBytes(StandardCharsets.UTF_8)), "t.ndjson").close());
        assertEquals("t.ndjson:1:" + (header.indexOf("\"params\"") + 1 + "\"params\":".length())
                + ": inconsistent header: params.transport is \"tcp\", which never duplicates, but"
                + " params.duplicatePercent is 100", e.getMessage());
    }
}
