package dev.conform.runtime;

import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** An enabled trace sink that keeps everything in memory, for tests. */
public final class ListSink implements TraceSink {
    public TraceHeader header;
    public final List<TraceEvent> events = new ArrayList<>();
    public boolean closed;

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void header(TraceHeader h) {
        if (header != null) {
            throw new IllegalStateException("header written twice");
        }
        header = h;
    }

    @Override
    public void event(TraceEvent e) {
        if (header == null) {
            throw new IllegalStateException("event before header");
        }
        events.add(e);
    }

    @Override
    public void close() {
        closed = true;
    }

    public List<TraceEvent> of(EventKind kind) {
        return where(e -> e.kind() == kind);
    }

    public List<TraceEvent> where(Predicate<TraceEvent> p) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (p.test(e)) {
                out.add(e);
            }
        }
        return out;
    }
}
