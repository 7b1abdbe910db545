package dev.conform.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes every header and event as one JSON line into memory, to compare runs byte for byte. */
public final class JsonBytesSink implements TraceSink {
    private final ObjectMapper mapper = Json.mapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void header(TraceHeader header) {
        line(header);
    }

    @Override
    public void event(TraceEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("node", e.node());
        m.put("kind", e.kind().wireName());
        m.put("action", e.action());
        m.put("msg", e.msg());
        m.put("state", e.state());
        m.put("lamport", e.lamport());
        m.put("vc", e.vc() == null ? null : e.vc().asMap());
        line(m);
    }

    private void line(Object o) {
        try {
            out.write(mapper.writeValueAsBytes(o));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
