package dev.conform.checker.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes several traces as one batch file for one TLC run (the format TraceInput.tla describes:
 * the first trace's header with {@code conformBatch} = where each trace starts and its header;
 * then every trace's event lines, each trace after the first preceded by its begin event
 * {@code {"kind":"begin","trace":j}}). The traces were read and checked by the trace reader
 * before; their lines are copied as they are.
 */
final class BatchFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A trace of the batch: its file, its header as JSON and its number of events. */
    record Member(Path trace, JsonNode header, long events) {
    }

    private BatchFile() {
    }

    /** The header of {@code trace} as JSON (line 1). */
    static JsonNode header(Path trace) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            return JSON.readTree(r.readLine());
        }
    }

    /**
     * Whether two headers may share a batch: equal but for the seed and the plan (a trace spec
     * may read anything else of the header as a constant, computed once per TLC run).
     */
    static boolean compatible(JsonNode a, JsonNode b) {
        return withoutRunFields(a).equals(withoutRunFields(b));
    }

    private static JsonNode withoutRunFields(JsonNode h) {
        ObjectNode o = ((ObjectNode) h).deepCopy();
        o.remove("seed");
        o.remove("plan");
        return o;
    }

    /**
     * Writes the batch and returns, for each member, the file index (1-based, begin events
     * counted) of its first event.
     */
    static long[] write(List<Member> members, Path out) throws IOException {
        long[] starts = new long[members.size()];
        long index = 0;
        for (int j = 0; j < members.size(); j++) {
            index += j == 0 ? 1 : 2; // trace j > 1 starts after its begin event
            starts[j] = index;
            index += members.get(j).events() - 1;
        }
        ObjectNode header = ((ObjectNode) members.get(0).header()).deepCopy();
        ObjectNode batch = header.putObject("conformBatch");
        ArrayNode s = batch.putArray("starts");
        for (long v : starts) {
            s.add(v);
        }
        ArrayNode hs = batch.putArray("headers");
        members.forEach(m -> hs.add(m.header()));
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write(JSON.writeValueAsString(header));
            w.write('\n');
            for (int j = 0; j < members.size(); j++) {
                if (j > 0) {
                    w.write("{\"kind\":\"begin\",\"trace\":" + (j + 1) + "}\n");
                }
                copyEvents(members.get(j).trace(), w);
            }
        }
        return starts;
    }

    private static void copyEvents(Path trace, BufferedWriter w) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                w.write(line);
                w.write('\n');
            }
        }
    }
}
