package dev.conform.checker.mutate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trace as editable JSON: the header and the events, in file order. Mutation operators edit a
 * {@link #copy()}; {@link #write} renumbers sequence numbers and recomputes clocks
 * ({@link Clocks}) so that the reader's own rules hold and what is wrong is the semantics.
 */
public final class TraceDoc {
    static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode header;
    private final List<ObjectNode> events;

    TraceDoc(ObjectNode header, List<ObjectNode> events) {
        this.header = header;
        this.events = events;
    }

    /** Reads an NDJSON trace (a header line, then one event per line). */
    public static TraceDoc read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + ":1:1: no header");
        }
        ObjectNode header = object(file, 1, lines.get(0));
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                events.add(object(file, i + 1, lines.get(i)));
            }
        }
        return new TraceDoc(header, events);
    }

    private static ObjectNode object(Path file, int line, String text) throws IOException {
        try {
            JsonNode n = JSON.readTree(text);
            if (n instanceof ObjectNode o) {
                return o;
            }
        } catch (JsonProcessingException e) {
            throw new IOException(file + ":" + line + ":1: not JSON: " + e.getOriginalMessage());
        }
        throw new IOException(file + ":" + line + ":1: not a JSON object");
    }

    /** A deep copy, for a mutant. */
    public TraceDoc copy() {
        List<ObjectNode> es = new ArrayList<>(events.size());
        for (ObjectNode e : events) {
            es.add(e.deepCopy());
        }
        return new TraceDoc(header.deepCopy(), es);
    }

    /** Writes the trace with sequence numbers renumbered and clocks recomputed. */
    public void write(Path file) throws IOException {
        Clocks.recompute(events);
        StringBuilder sb = new StringBuilder();
        sb.append(JSON.writeValueAsString(header)).append('\n');
        for (ObjectNode e : events) {
            sb.append(JSON.writeValueAsString(e)).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    public ObjectNode header() {
        return header;
    }

    /** The events, mutable (operators insert, remove and edit). */
    public List<ObjectNode> events() {
        return events;
    }

    public String algorithm() {
        return header.path("algorithm").asText("");
    }

    /** The file line of event {@code i} (0-based). */
    public static long line(int i) {
        return i + 2L;
    }
}
