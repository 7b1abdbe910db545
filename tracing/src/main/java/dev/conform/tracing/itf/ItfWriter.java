package dev.conform.tracing.itf;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.io.TraceReader;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the Informal Trace Format of Apalache and Quint (ADR-015): {@code {"#meta": {...},
 * "vars": [...], "states": [{"#meta": {"index": i}, var: value, ...}]}}. Integers are always
 * written as {@code {"#bigint": "n"}}, lists as JSON arrays (sequences), string-keyed maps as
 * records, and {@link ItfTuple}/{@link ItfSet}/{@link ItfMap}/{@link ItfUnserializable} with
 * their {@code #} encodings.
 *
 * <p>A conform trace exports as one ITF state per event: variables {@link #EVENT_VARS}, each
 * holding that event field (every state sets every variable: fields an event may lack are
 * Quint {@code Option} variants, see {@link ItfOption}), the vector clock as a {@code #map}
 * from node id to counter, and the trace header under {@code #meta.conform}.
 */
public final class ItfWriter {
    /** The state variables of an exported conform trace. */
    public static final List<String> EVENT_VARS =
            List.of("seq", "node", "kind", "action", "msg", "state", "lamport", "vc");
    static final String FORMAT_URL = "https://apalache-mc.org/docs/adr/015adr-trace.html";
    private static final Set<String> RESERVED = Set.of("#meta", "#bigint", "#tup", "#set", "#map", "#unserializable");
    private static final JsonFactory JSON = new JsonFactory();

    private ItfWriter() {
    }

    public static void write(ItfTrace trace, Path file) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(trace, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes {@code trace} to {@code out} (not closed). */
    public static void write(ItfTrace trace, OutputStream out) {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeFieldName("#meta");
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("format", "ITF");
            meta.put("format-description", FORMAT_URL);
            meta.putAll(trace.meta());
            writeJson(g, meta);
            if (!trace.params().isEmpty()) {
                g.writeFieldName("params");
                writeJson(g, trace.params());
            }
            g.writeFieldName("vars");
            writeJson(g, trace.vars());
            g.writeFieldName("states");
            g.writeStartArray();
            int i = 0;
            for (Map<String, Object> s : trace.states()) {
                writeState(g, i++, s);
            }
            g.writeEndArray();
            if (trace.loop() != null) {
                g.writeNumberField("loop", trace.loop());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exports an NDJSON trace file as ITF, streaming (one event in memory at a time). */
    public static void exportTrace(Path ndjson, Path itf) {
        try (TraceReader r = TraceReader.open(ndjson);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(itf), 1 << 16)) {
            exportTrace(r.header(), r::next, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + itf, e);
        }
    }

    /** Supplies events one at a time, null at the end. */
    @FunctionalInterface
    public interface EventSource {
        TraceEvent next();
    }

    /** Exports a header and events as ITF to {@code out} (not closed). */
    public static void exportTrace(TraceHeader header, EventSource events, OutputStream out) {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeFieldName("#meta");
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("format", "ITF");
            meta.put("format-description", FORMAT_URL);
            meta.put("source", header.algorithm());
            meta.put("description", "conform trace exported as ITF: one state per event");
            meta.put("conform", headerAsJson(header));
            writeJson(g, meta);
            g.writeFieldName("vars");
            writeJson(g, EVENT_VARS);
            g.writeFieldName("states");
            g.writeStartArray();
            int i = 0;
            for (TraceEvent e; (e = events.next()) != null; ) {
                writeState(g, i++, eventState(e));
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> headerAsJson(TraceHeader h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", (long) h.schemaVersion());
        m.put("algorithm", h.algorithm());
        m.put("nodes", h.nodes().stream().map(Integer::longValue).toList());
        if (h.roles() != null) {
            Map<String, Object> roles = new LinkedHashMap<>();
            h.roles().forEach((role, ids) -> roles.put(role, ids.stream().map(Integer::longValue).toList()));
            m.put("roles", roles);
        }
        if (h.seed() != null) {
            m.put("seed", h.seed());
        }
        if (h.faultPlan() != null) {
            m.put("plan", h.faultPlan());
        }
        m.put("producer", h.producer());
        if (h.params() != null && !h.params().isEmpty()) {
            m.put("params", h.params());
        }
        return m;
    }

    /**
     * The ITF state of one event. ITF wants every state to set every name in {@code vars}, so the
     * fields an event may lack ({@code seq}, {@code action}, {@code msg}, {@code state}, {@code
     * lamport}, {@code vc}) are Quint's {@code Option} variants ({@link ItfOption}); {@code node}
     * and {@code kind} are always there.
     */
    static Map<String, Object> eventState(TraceEvent e) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("seq", ItfOption.of(e.seq() >= 0 ? e.seq() : null));
        s.put("node", (long) e.node());
        s.put("kind", e.kind().wireName());
        s.put("action", ItfOption.of(e.action()));
        TraceMessage m = e.msg();
        Map<String, Object> msg = null;
        if (m != null) {
            msg = new LinkedHashMap<>();
            msg.put("id", m.id());
            msg.put("from", (long) m.from());
            msg.put("to", (long) m.to());
            msg.put("type", m.type());
            if (m.body() != null) {
                msg.put("body", m.body());
            }
        }
        s.put("msg", ItfOption.of(msg));
        s.put("state", ItfOption.of(e.state()));
        s.put("lamport", ItfOption.of(e.lamport() >= 0 ? e.lamport() : null));
        ItfMap vc = null;
        if (e.vc() != null) {
            Map<Object, Object> entries = new LinkedHashMap<>();
            e.vc().asMap().forEach((k, v) -> entries.put((long) k, v));
            vc = new ItfMap(entries);
        }
        s.put("vc", ItfOption.of(vc));
        return s;
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    private static void writeState(JsonGenerator g, int index, Map<String, Object> state) throws IOException {
        g.writeStartObject();
        g.writeFieldName("#meta");
        g.writeStartObject();
        g.writeNumberField("index", index);
        g.writeEndObject();
        for (Map.Entry<String, Object> en : state.entrySet()) {
            if (en.getKey().equals("#meta")) {
                throw new IllegalArgumentException("a state variable cannot be named #meta");
            }
            g.writeFieldName(en.getKey());
            writeValue(g, en.getValue());
        }
        g.writeEndObject();
    }

    /** Writes a value with the ITF encodings. */
    static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            g.writeStartObject();
            g.writeStringField("#bigint", v.toString());
            g.writeEndObject();
        } else if (v instanceof ItfTuple t) {
            g.writeStartObject();
            g.writeFieldName("#tup");
            writeList(g, t.elements());
            g.writeEndObject();
        } else if (v instanceof ItfSet s) {
            g.writeStartObject();
            g.writeFieldName("#set");
            writeList(g, s.elements());
            g.writeEndObject();
        } else if (v instanceof ItfMap m) {
            g.writeStartObject();
            g.writeFieldName("#map");
            g.writeStartArray();
            for (Map.Entry<Object, Object> en : m.entries().entrySet()) {
                g.writeStartArray();
                writeValue(g, en.getKey());
                writeValue(g, en.getValue());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        } else if (v instanceof ItfUnserializable u) {
            g.writeStartObject();
            g.writeStringField("#unserializable", u.text());
            g.writeEndObject();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> en : m.entrySet()) {
                if (!(en.getKey() instanceof String k)) {
                    throw new IllegalArgumentException("record key " + en.getKey() + " is not a string (use ItfMap)");
                }
                if (RESERVED.contains(k)) {
                    throw new IllegalArgumentException("record field name " + k + " is reserved by ITF");
                }
                if (en.getValue() == null) {
                    continue;
                }
                g.writeFieldName(k);
                writeValue(g, en.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            writeList(g, c);
        } else if (v == null) {
            throw new IllegalArgumentException("ITF has no null value");
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as an ITF value");
        }
    }

    private static void writeList(JsonGenerator g, Collection<?> c) throws IOException {
        g.writeStartArray();
        for (Object o : c) {
            writeValue(g, o);
        }
        g.writeEndArray();
    }

    /** Plain JSON for #meta (not ITF-encoded: meta is free-form JSON). */
    private static void writeJson(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> en : m.entrySet()) {
                g.writeFieldName(String.valueOf(en.getKey()));
                writeJson(g, en.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                writeJson(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " in ITF #meta");
        }
    }
}
