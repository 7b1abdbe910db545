package dev.conform.bench;

import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceSink;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trace sink that keeps only the number of sends per message type, and how many of them went
 * between servers (the rest are client requests and replies).
 */
final class SendCounter implements TraceSink {
    final Map<String, Long> sends = new TreeMap<>();
    private final int servers;
    long betweenServers;

    /** Servers are ids 1..servers (the simulator's numbering); clients come after them. */
    SendCounter(int servers) {
        this.servers = servers;
    }

    long total() {
        return sends.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void header(TraceHeader header) {
    }

    @Override
    public void event(TraceEvent event) {
        if (event.kind() == EventKind.SEND) {
            sends.merge(event.msg().type(), 1L, Long::sum);
            if (event.msg().from() <= servers && event.msg().to() <= servers) {
                betweenServers++;
            }
        }
    }

    @Override
    public void close() {
    }
}
