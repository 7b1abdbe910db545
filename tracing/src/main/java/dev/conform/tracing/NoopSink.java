package dev.conform.tracing;

/** The sink used when tracing is off. */
final class NoopSink implements TraceSink {
    static final NoopSink INSTANCE = new NoopSink();

    private NoopSink() {
    }

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public void header(TraceHeader header) {
    }

    @Override
    public void event(TraceEvent event) {
    }

    @Override
    public void close() {
    }
}
