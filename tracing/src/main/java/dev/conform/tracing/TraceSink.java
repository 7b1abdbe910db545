package dev.conform.tracing;

/**
 * Where a producer writes a trace. Producers check {@link #enabled()} before building
 * event payloads, so a disabled sink costs one branch per event.
 */
public interface TraceSink extends AutoCloseable {
    /** False for the no-op sink: callers skip building events entirely. */
    boolean enabled();

    /** Writes the header; called once, before any event. */
    void header(TraceHeader header);

    /** Appends one event. */
    void event(TraceEvent event);

    /** Flushes and releases resources. Never throws a checked exception. */
    @Override
    void close();

    /** A sink that records nothing. */
    static TraceSink noop() {
        return NoopSink.INSTANCE;
    }
}
