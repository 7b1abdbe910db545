package dev.conform.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.VectorClock;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Map;

/**
 * The event lines of {@code NdjsonSink} written with Jackson's streaming generator instead of
 * the hand-written byte encoder: the candidate the NDJSON-writing benchmark measures against
 * the sink in the same run ({@link TraceIoBench}). Field names are pre-encoded
 * {@link SerializedString}s, vector-clock keys cached per node id, JSON-like values written
 * token by token and anything else through the {@link ObjectMapper} codec, as the sink does.
 * The benchmark checks that both write the same bytes.
 */
final class JacksonEventWriter implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private static final JsonFactory FACTORY = new JsonFactory().setRootValueSeparator(null)
            .setCodec(MAPPER);
    private static final SerializableString SEQ = new SerializedString("seq");
    private static final SerializableString NODE = new SerializedString("node");
    private static final SerializableString KIND = new SerializedString("kind");
    private static final SerializableString ACTION = new SerializedString("action");
    private static final SerializableString MSG = new SerializedString("msg");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString FROM = new SerializedString("from");
    private static final SerializableString TO = new SerializedString("to");
    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString BODY = new SerializedString("body");
    private static final SerializableString STATE = new SerializedString("state");
    private static final SerializableString LAMPORT = new SerializedString("lamport");
    private static final SerializableString VC = new SerializedString("vc");
    private static final SerializableString[] KEYS = new SerializableString[1024];

    static {
        for (int i = 0; i < KEYS.length; i++) {
            KEYS[i] = new SerializedString(Integer.toString(i));
        }
    }

    private final JsonGenerator g;

    /** Writes after {@code headerLine} (bytes of the header line, newline included). */
    JacksonEventWriter(OutputStream out, byte[] headerLine) throws IOException {
        out.write(headerLine);
        this.g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    }

    void event(TraceEvent e) throws IOException {
        JsonGenerator g = this.g;
        g.writeStartObject();
        if (e.seq() >= 0) {
            g.writeFieldName(SEQ);
            g.writeNumber(e.seq());
        }
        g.writeFieldName(NODE);
        g.writeNumber(e.node());
        g.writeFieldName(KIND);
        g.writeString(e.kind().wireName());
        if (e.action() != null) {
            g.writeFieldName(ACTION);
            g.writeString(e.action());
        }
        TraceMessage m = e.msg();
        if (m != null) {
            g.writeFieldName(MSG);
            g.writeStartObject();
            g.writeFieldName(ID);
            g.writeNumber(m.id());
            g.writeFieldName(FROM);
            g.writeNumber(m.from());
            g.writeFieldName(TO);
            g.writeNumber(m.to());
            if (m.type() != null) {
                g.writeFieldName(TYPE);
                g.writeString(m.type());
            }
            if (m.body() != null) {
                g.writeFieldName(BODY);
                value(m.body());
            }
            g.writeEndObject();
        }
        if (e.state() != null) {
            g.writeFieldName(STATE);
            value(e.state());
        }
        if (e.lamport() >= 0) {
            g.writeFieldName(LAMPORT);
            g.writeNumber(e.lamport());
        }
        VectorClock vc = e.vc();
        if (vc != null) {
            g.writeFieldName(VC);
            g.writeStartObject();
            for (int i = 0; i < vc.size(); i++) {
                int n = vc.nodeAt(i);
                if (n >= 0 && n < KEYS.length) {
                    g.writeFieldName(KEYS[n]);
                } else {
                    g.writeFieldName(Integer.toString(n));
                }
                g.writeNumber(vc.countAt(i));
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private void value(Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> en : m.entrySet()) {
                g.writeFieldName(String.valueOf(en.getKey()));
                value(en.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                value(o);
            }
            g.writeEndArray();
        } else {
            MAPPER.writeValue(g, v);
        }
    }

    @Override
    public void close() throws IOException {
        g.close();
    }
}
