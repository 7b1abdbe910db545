package dev.conform.tracing;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a trace in memory, for tests and for callers that validate a run right after it.
 * Safe to use from several threads.
 */
public final class MemorySink implements TraceSink {
    private TraceHeader header;
    private final List<TraceEvent> events = new ArrayList<>();
    private boolean closed;

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public synchronized void header(TraceHeader header) {
        if (this.header != null) {
            throw new IllegalStateException("trace header written twice");
        }
        this.header = header;
    }

    @Override
    public synchronized void event(TraceEvent event) {
        if (closed) {
            throw new IllegalStateException("event written to a closed sink");
        }
        events.add(event);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    /** The header written so far, or null. */
    public synchronized TraceHeader recordedHeader() {
        return header;
    }

    /** A copy of the events written so far, in order. */
    public synchronized List<TraceEvent> events() {
        return List.copyOf(events);
    }

    public synchronized int size() {
        return events.size();
    }

    public synchronized boolean isClosed() {
        return closed;
    }
}
