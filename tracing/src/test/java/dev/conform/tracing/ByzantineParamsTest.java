package dev.conform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.io.TraceReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A crash-only header (byzantine "false") cannot carry a plan with a Byzantine server. */
class ByzantineParamsTest {
    private static final Map<String, Object> BYZ_PLAN = Map.of("events",
            List.of(Map.of("type", "crash", "at", 5, "node", 1), Map.of("type", "byzantine", "at", 0, "node", 4)));

    private static Map<String, Object> options(String byzantine) {
        return Map.of("options", Map.of("byzantine", byzantine));
    }

    @Test
    void onlyACrashOnlyHeaderWithAByzantineEventIsInconsistent() {
        assertNull(ByzantineParams.problem(options("true"), BYZ_PLAN));
        assertNull(ByzantineParams.problem(Map.of(), BYZ_PLAN), "no option: the plan decides");
        assertNull(ByzantineParams.problem(options("false"), Map.of("events", List.of(Map.of("type", "crash")))));
        assertNull(ByzantineParams.problem(options("false"), null));
        assertEquals("inconsistent header: params.options.byzantine is \"false\", but the plan has a byzantine event"
                + " at 0 on node 4", ByzantineParams.problem(options("false"), BYZ_PLAN));
    }

    @Test
    void theReaderRejectsItAtTheParams() {
        String header = "{\"type\":\"header\",\"schema\":1,\"algorithm\":\"x\",\"nodes\":[1,2,3,4],\"producer\":\"p\","
                + "\"plan\":{\"events\":[{\"type\":\"byzantine\",\"at\":0,\"node\":4,\"behaviours\":[\"silence\"]}]},"
                + "\"params\":{\"options\":{\"byzantine\":\"false\"}}}\n";
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceReader.of(
                new ByteArrayInputStream(header.getBytes(StandardCharsets.UTF_8)), "t.ndjson").close());
        assertEquals("t.ndjson:1:" + (header.indexOf("\"params\"") + 1 + "\"params\":".length())
                + ": inconsistent header: params.options.byzantine is \"false\", but the plan has a byzantine event"
                + " at 0 on node 4", e.getMessage());
    }
}
