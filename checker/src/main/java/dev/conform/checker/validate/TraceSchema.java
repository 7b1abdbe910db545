package dev.conform.checker.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The types of the values an algorithm records, as a JSON Schema (draft 2020-12) beside its trace
 * spec: {@code TraceRaft.tla} has {@code TraceRaft.schema.json}, whose {@code $defs.header} and
 * {@code $defs.event} describe the header line and every event line (what each action's
 * {@code state} and each message type's {@code body} hold, and which algorithm and parameters the
 * header names). A trace whose values have the wrong type or shape is bad input: rejected before
 * TLC or the Java invariants read it, with {@code file:line:column} of the offending value, so a
 * string where a term belongs never becomes a TLC evaluation error. The schema is a contract that
 * implementations in any language can check their traces against.
 */
public final class TraceSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final JsonSchema header;
    private final JsonSchema event;
    private final String algorithm;

    private TraceSchema(JsonSchema header, JsonSchema event, String algorithm) {
        this.header = header;
        this.event = event;
        this.algorithm = algorithm;
    }

    /** The algorithm the schema's header demands ({@code properties.algorithm.const}), or null. */
    public String algorithm() {
        return algorithm;
    }

    /** The schema file beside a trace spec ({@code X.tla} -> {@code X.schema.json}). */
    public static Path besideSpec(Path spec) {
        String name = spec.getFileName().toString();
        String base = name.endsWith(".tla") ? name.substring(0, name.length() - 4) : name;
        return spec.resolveSibling(base + ".schema.json");
    }

    /**
     * The schema beside {@code spec}, or empty when there is none.
     *
     * @throws IOException with a positioned message when the schema file is not valid JSON or
     *                     lacks {@code $defs.header} and {@code $defs.event}
     */
    public static Optional<TraceSchema> forSpec(Path spec) throws IOException {
        Path file = besideSpec(spec);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a JSON schema: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        JsonNode defs = root.path("$defs");
        if (!root.isObject() || !defs.has("header") || !defs.has("event")) {
            throw new IOException(file + ":1:1: a trace schema needs $defs.header and $defs.event");
        }
        try {
            JsonNode alg = defs.path("header").path("properties").path("algorithm").path("const");
            return Optional.of(new TraceSchema(part(root, "header"), part(root, "event"),
                    alg.isTextual() ? alg.asText() : null));
        } catch (RuntimeException e) {
            throw new IOException(file + ": the schema does not load: " + e.getMessage(), e);
        }
    }

    /** The whole document with a root reference to one of its definitions (which may refer to the others). */
    private static JsonSchema part(JsonNode root, String def) {
        ObjectNode doc = ((ObjectNode) root).deepCopy();
        doc.put("$ref", "#/$defs/" + def);
        return FACTORY.getSchema(doc);
    }

    /**
     * Checks every line of a trace the reader accepted.
     *
     * @return null when every value fits, else {@code file:line:column: reason} of the first misfit
     */
    public String check(Path trace) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            long lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                String bad = check(line, lineNo == 1 ? header : event, lineNo == 1);
                if (bad != null) {
                    return trace + ":" + lineNo + ":" + bad;
                }
            }
        }
        return null;
    }

    /**
     * {@code column: reason} of the first misfit of one line, or null. A line that is not JSON is
     * left to the trace reader, whose positioned error the validation reports anyway.
     */
    private static String check(String line, JsonSchema schema, boolean isHeader) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
        Set<ValidationMessage> errors = schema.validate(node);
        if (errors.isEmpty()) {
            return null;
        }
        ValidationMessage first = errors.stream()
                .min(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().getNameCount()).reversed()
                        .thenComparing(ValidationMessage::getMessage))
                .orElseThrow();
        JsonNodePath at = first.getInstanceLocation();
        List<Object> path = new ArrayList<>();
        for (int i = 0; i < at.getNameCount(); i++) {
            path.add(at.getElement(i));
        }
        // A header value outside an enumeration is a variant (a CRDT type, a clock mode) this trace
        // spec does not validate: say so, rather than leave it to look like a typo or a divergence.
        String unsupported = isHeader && "enum".equals(first.getType())
                ? "unsupported: the trace spec does not validate this variant: " : "";
        return JsonColumns.of(line, path) + ": " + unsupported + first.getMessage();
    }
}
