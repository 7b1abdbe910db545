package dev.conform.tracing.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/trace-format.md, its example and its JSON Schema agree with the reader. */
class FormatDocsTest {
    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void exampleTraceIsValidAndMatchesTheDocument() throws Exception {
        Path example = DOCS.resolve("example-trace.ndjson");
        List<TraceEvent> events = TraceReader.readAll(example);
        assertEquals(11, events.size());
        assertEquals("BecomeLeader", events.get(10).action());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).seq(), "seq starts at 1 and is the event's number");
        }
        String md = Files.readString(DOCS.resolve("trace-format.md"));
        for (String line : Files.readAllLines(example)) {
            assertTrue(md.contains(line + "\n"), "trace-format.md lacks example line " + line);
        }
    }

    @Test
    void limitsAreTheReadersOwn() throws Exception {
        String md = Files.readString(DOCS.resolve("trace-format.md"));
        String table = md.substring(md.indexOf("## Limits"), md.indexOf("## Network and nodes"));
        java.text.NumberFormat n = java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT);
        assertTrue(table.contains("| line length | 16 MiB (" + n.format(TraceReader.DEFAULT_MAX_LINE_BYTES) + " bytes"),
                table);
        assertTrue(table.contains("| nesting of objects and arrays on a line | " + TraceReader.MAX_NESTING_DEPTH
                + " levels"), table);
        assertTrue(table.contains("| number length | " + TraceReader.MAX_NUMBER_CHARS + " characters"), table);
        assertTrue(table.contains("| field name length | " + n.format(TraceReader.MAX_NAME_CHARS) + " characters"),
                table);
    }

    @Test
    void schemaNamesTheSameKindsAndFieldsAsTheReader() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(DOCS.resolve("trace-format.schema.json").toFile());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        JsonNode event = schema.get("$defs").get("event");
        List<String> kinds = new ArrayList<>();
        event.get("properties").get("kind").get("enum").forEach(k -> kinds.add(k.asText()));
        assertEquals(Arrays.stream(EventKind.values()).map(EventKind::wireName).toList(), kinds);
        List<String> fields = new ArrayList<>();
        event.get("properties").fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of(Wire.SEQ, Wire.NODE, Wire.KIND, Wire.ACTION, Wire.MSG, Wire.STATE, Wire.LAMPORT, Wire.VC),
                fields);
        List<String> header = new ArrayList<>();
        schema.get("$defs").get("header").get("properties").fieldNames().forEachRemaining(header::add);
        assertEquals(List.of(Wire.TYPE, Wire.SCHEMA, Wire.ALGORITHM, Wire.NODES, Wire.ROLES, Wire.SEED, Wire.PLAN, Wire.PRODUCER,
                Wire.PARAMS), header);
    }
}
