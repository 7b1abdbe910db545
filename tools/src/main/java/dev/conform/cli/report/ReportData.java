package dev.conform.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.io.TraceReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The report's data: the trace read through {@link TraceReader} (so a malformed trace is rejected
 * with file:line:column before anything is drawn) and written as one JSON object, {@code
 * {"trace", "header", "events": [...], "validation"}}. Events keep the trace format's field names
 * (docs/trace-format.md) plus {@code line}, their line in the trace file; absent fields are left out.
 */
public final class ReportData {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ReportData() {
    }

    /** What the trace held, for a caller that checks a validation result against it. */
    public record Summary(String algorithm, long events) {
    }

    /**
     * Writes the data of {@code trace} to {@code out}, with {@code validation} (the parsed output of
     * {@code conform validate --json}, or null) beside it.
     *
     * @throws dev.conform.tracing.io.TraceFormatException when the trace is malformed
     */
    public static Summary write(Path trace, Object validation, Writer out) throws IOException {
        try (TraceReader reader = TraceReader.open(trace, TraceReader.Options.defaults().withParseThreads(1));
             JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            TraceHeader h = reader.header();
            g.writeStartObject();
            g.writeStringField("trace", String.valueOf(trace.getFileName()));
            g.writeObjectField("header", header(h));
            g.writeArrayFieldStart("events");
            long n = 0;
            for (TraceEvent e; (e = reader.next()) != null; n++) {
                writeEvent(g, e, reader.line());
            }
            g.writeEndArray();
            if (validation != null) {
                g.writeObjectField("validation", validation);
            }
            g.writeEndObject();
            return new Summary(h.algorithm(), n);
        }
    }

    private static Map<String, Object> header(TraceHeader h) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("algorithm", h.algorithm());
        m.put("nodes", h.nodes());
        m.put("servers", h.servers());
        m.put("clients", h.clients());
        m.put("roles", h.roles());
        m.put("seed", h.seed());
        m.put("plan", h.faultPlan());
        m.put("producer", h.producer());
        m.put("params", h.params());
        return m;
    }

    private static void writeEvent(JsonGenerator g, TraceEvent e, long line) throws IOException {
        g.writeStartObject();
        g.writeNumberField("line", line);
        if (e.seq() >= 0) {
            g.writeNumberField("seq", e.seq());
        }
        g.writeNumberField("node", e.node());
        g.writeStringField("kind", e.kind().wireName());
        if (e.action() != null) {
            g.writeStringField("action", e.action());
        }
        TraceMessage m = e.msg();
        if (m != null) {
            g.writeObjectFieldStart("msg");
            g.writeNumberField("id", m.id());
            g.writeNumberField("from", m.from());
            g.writeNumberField("to", m.to());
            g.writeStringField("type", m.type());
            if (m.body() != null) {
                g.writeObjectField("body", m.body());
            }
            g.writeEndObject();
        }
        if (e.state() != null) {
            g.writeObjectField("state", e.state());
        }
        if (e.lamport() >= 0) {
            g.writeNumberField("lamport", e.lamport());
        }
        if (e.vc() != null) {
            g.writeObjectFieldStart("vc");
            for (int i = 0; i < e.vc().size(); i++) {
                g.writeNumberField(Integer.toString(e.vc().nodeAt(i)), e.vc().countAt(i));
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
