package dev.conform.tracing.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.VectorClock;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * Writes a trace as NDJSON (see docs/trace-format.md): one header line, then one line per
 * event. One Jackson generator is reused for the whole file over a buffered stream; JSON-like
 * payloads (maps, lists, strings, numbers, booleans) are written directly, anything else (records,
 * beans) through Jackson's {@link ObjectMapper}. Null and absent fields are omitted.
 *
 * <p>Thread-safe: calls are serialized, so events from several threads form whole lines.
 * I/O failures surface as {@link UncheckedIOException}.
 */
public final class NdjsonSink implements TraceSink {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(SerializationFeature.CLOSE_CLOSEABLE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private static final SerializableString TYPE = new SerializedString(Wire.TYPE);
    private static final SerializableString SCHEMA = new SerializedString(Wire.SCHEMA);
    private static final SerializableString ALGORITHM = new SerializedString(Wire.ALGORITHM);
    private static final SerializableString NODES = new SerializedString(Wire.NODES);
    private static final SerializableString SEED = new SerializedString(Wire.SEED);
    private static final SerializableString PLAN = new SerializedString(Wire.PLAN);
    private static final SerializableString PRODUCER = new SerializedString(Wire.PRODUCER);
    private static final SerializableString PARAMS = new SerializedString(Wire.PARAMS);
    private static final SerializableString SEQ = new SerializedString(Wire.SEQ);
    private static final SerializableString NODE = new SerializedString(Wire.NODE);
    private static final SerializableString KIND = new SerializedString(Wire.KIND);
    private static final SerializableString ACTION = new SerializedString(Wire.ACTION);
    private static final SerializableString MSG = new SerializedString(Wire.MSG);
    private static final SerializableString ID = new SerializedString(Wire.ID);
    private static final SerializableString FROM = new SerializedString(Wire.FROM);
    private static final SerializableString TO = new SerializedString(Wire.TO);
    private static final SerializableString MTYPE = new SerializedString(Wire.MTYPE);
    private static final SerializableString BODY = new SerializedString(Wire.BODY);
    private static final SerializableString STATE = new SerializedString(Wire.STATE);
    private static final SerializableString LAMPORT = new SerializedString(Wire.LAMPORT);
    private static final SerializableString VC = new SerializedString(Wire.VC);

    private static final SerializableString[] NODE_KEYS = new SerializableString[1024];

    static {
        for (int i = 0; i < NODE_KEYS.length; i++) {
            NODE_KEYS[i] = new SerializedString(Integer.toString(i));
        }
    }

    private final JsonGenerator gen;
    private final OutputStream out;
    private boolean headerWritten;
    private boolean closed;

    /** Creates (or truncates) {@code file} and writes the trace to it. */
    public NdjsonSink(Path file) {
        this(openFile(file));
    }

    /** Writes to {@code out}; the sink owns the stream and closes it. */
    public NdjsonSink(OutputStream out) {
        try {
            this.out = out instanceof BufferedOutputStream ? out
                    : new BufferedOutputStream(out, 1 << 16);
            gen = MAPPER.getFactory().createGenerator(this.out, JsonEncoding.UTF8);
            gen.setRootValueSeparator(null);
            gen.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutputStream openFile(Path file) {
        try {
            return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create trace file " + file, e);
        }
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public synchronized void header(TraceHeader h) {
        if (headerWritten) {
            throw new IllegalStateException("trace header written twice");
        }
        ensureOpen();
        h.requireWellFormed();
        try {
            gen.writeStartObject();
            gen.writeFieldName(TYPE);
            gen.writeString(Wire.HEADER);
            gen.writeFieldName(SCHEMA);
            gen.writeNumber(h.schemaVersion());
            writeStringField(ALGORITHM, h.algorithm());
            if (h.nodes() != null) {
                gen.writeFieldName(NODES);
                gen.writeStartArray();
                for (Integer n : h.nodes()) {
                    gen.writeNumber(n);
                }
                gen.writeEndArray();
            }
            if (h.seed() != null) {
                gen.writeFieldName(SEED);
                gen.writeNumber(h.seed());
            }
            writeValueField(PLAN, h.faultPlan());
            writeStringField(PRODUCER, h.producer());
            if (h.params() != null && !h.params().isEmpty()) {
                writeValueField(PARAMS, h.params());
            }
            gen.writeEndObject();
            gen.writeRaw('\n');
            headerWritten = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void event(TraceEvent e) {
        if (!headerWritten) {
            throw new IllegalStateException("trace event written before the header");
        }
        ensureOpen();
        e.requireWellFormed();
        try {
            gen.writeStartObject();
            if (e.seq() >= 0) {
                gen.writeFieldName(SEQ);
                gen.writeNumber(e.seq());
            }
            gen.writeFieldName(NODE);
            gen.writeNumber(e.node());
            gen.writeFieldName(KIND);
            gen.writeString(e.kind().wireName());
            writeStringField(ACTION, e.action());
            TraceMessage m = e.msg();
            if (m != null) {
                gen.writeFieldName(MSG);
                gen.writeStartObject();
                gen.writeFieldName(ID);
                gen.writeNumber(m.id());
                gen.writeFieldName(FROM);
                gen.writeNumber(m.from());
                gen.writeFieldName(TO);
                gen.writeNumber(m.to());
                writeStringField(MTYPE, m.type());
                writeValueField(BODY, m.body());
                gen.writeEndObject();
            }
            writeValueField(STATE, e.state());
            if (e.lamport() >= 0) {
                gen.writeFieldName(LAMPORT);
                gen.writeNumber(e.lamport());
            }
            VectorClock vc = e.vc();
            if (vc != null) {
                gen.writeFieldName(VC);
                gen.writeStartObject();
                for (int i = 0; i < vc.size(); i++) {
                    gen.writeFieldName(nodeKey(vc.nodeAt(i)));
                    gen.writeNumber(vc.countAt(i));
                }
                gen.writeEndObject();
            }
            gen.writeEndObject();
            gen.writeRaw('\n');
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Pushes buffered lines to the file, e.g. before a crash-prone step. */
    public synchronized void flush() {
        if (closed) {
            return;
        }
        try {
            gen.flush();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            gen.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Node ids as pre-encoded field names; small ids (all the simulator uses) are cached. */
    private static SerializableString nodeKey(int node) {
        return node >= 0 && node < NODE_KEYS.length ? NODE_KEYS[node] : new SerializedString(Integer.toString(node));
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("trace sink is closed");
        }
    }

    private void writeStringField(SerializableString name, String value) throws IOException {
        if (value != null) {
            gen.writeFieldName(name);
            gen.writeString(value);
        }
    }

    private void writeValueField(SerializableString name, Object value) throws IOException {
        if (value != null) {
            gen.writeFieldName(name);
            writeValue(value);
        }
    }

    /** Writes JSON-like values directly (the common case); hands anything else to Jackson. */
    private void writeValue(Object v) throws IOException {
        if (v == null) {
            gen.writeNull();
        } else if (v instanceof String s) {
            gen.writeString(s);
        } else if (v instanceof Long l) {
            gen.writeNumber(l);
        } else if (v instanceof Integer i) {
            gen.writeNumber(i);
        } else if (v instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (v instanceof Map<?, ?> m) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> en : m.entrySet()) {
                gen.writeFieldName(String.valueOf(en.getKey()));
                writeValue(en.getValue());
            }
            gen.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            gen.writeStartArray();
            for (Object o : c) {
                writeValue(o);
            }
            gen.writeEndArray();
        } else if (v instanceof Double || v instanceof Float) {
            throw new IllegalArgumentException("trace values are integers, strings, booleans, lists and maps;"
                    + " found the number " + v);
        } else if (v instanceof Short || v instanceof Byte) {
            gen.writeNumber(((Number) v).intValue());
        } else if (v instanceof BigInteger b) {
            gen.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            gen.writeNumber(b);
        } else {
            writeLikeJackson(v);
        }
    }

    /**
     * Writes {@code v} exactly as {@code MAPPER.writeValue} would, taking a direct path for plain
     * records and the JDK's maps, lists, strings and integers inside them; anything else still
     * goes through Jackson.
     */
    private void writeLikeJackson(Object v) throws IOException {
        if (v == null) {
            gen.writeNull();
        } else if (v instanceof String s) {
            gen.writeString(s);
        } else if (v instanceof Integer i) {
            gen.writeNumber(i);
        } else if (v instanceof Long l) {
            gen.writeNumber(l);
        } else if (v instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (v instanceof Record r) {
            RecordShape shape = RecordShape.of(r.getClass());
            if (shape == null) {
                MAPPER.writeValue(gen, v);
                return;
            }
            gen.writeStartObject();
            for (int i = 0; i < shape.names.length; i++) {
                gen.writeFieldName(shape.names[i]);
                writeLikeJackson(component(shape, i, r));
            }
            gen.writeEndObject();
        } else if (v instanceof Map<?, ?> m && isJdk(m) && plainKeys(m)) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> en : m.entrySet()) {
                gen.writeFieldName(en.getKey().toString());
                writeLikeJackson(en.getValue());
            }
            gen.writeEndObject();
        } else if (v instanceof Collection<?> c && isJdk(c)) {
            gen.writeStartArray();
            for (Object o : c) {
                writeLikeJackson(o);
            }
            gen.writeEndArray();
        } else {
            MAPPER.writeValue(gen, v);
        }
    }

    private static Object component(RecordShape shape, int i, Record r) {
        try {
            return shape.accessors[i].invokeExact((Object) r);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot read record component " + shape.names[i].getValue(), t);
        }
    }

    private static boolean isJdk(Object o) {
        return o.getClass().getName().startsWith("java.util.");
    }

    /** Keys Jackson writes with their toString(): the rest (null, enums, beans) go through Jackson. */
    private static boolean plainKeys(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String || k instanceof Integer || k instanceof Long)) {
                return false;
            }
        }
        return true;
    }
}
