package dev.conform.runtime.net;

import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.merge.TraceMerger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Merges the per-node traces of a cluster directory (servers' {@code node-N.ndjson} and clients'
 * {@code client-N.ndjson}) into one causally ordered trace with {@link TraceMerger}.
 *
 * <p>Message ids are renumbered 1, 2, ... in order of first appearance: on the wire they are
 * {@code node << 40 | counter} (unique without coordination), which does not fit TLC's 32-bit
 * integers. Ids only pair a send with its deliveries, which renumbering keeps.
 */
public final class ClusterTrace {
    private ClusterTrace() {
    }

    /** The trace files of the cluster in {@code dir}, servers first. */
    public static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String f = p.getFileName().toString();
                return (f.startsWith("node-") || f.startsWith("client-")) && f.endsWith(".ndjson");
            }).sorted((a, b) -> Integer.compare(nodeOf(a), nodeOf(b))).toList();
        }
    }

    private static int nodeOf(Path p) {
        String f = p.getFileName().toString();
        return Integer.parseInt(f.substring(f.indexOf('-') + 1, f.length() - ".ndjson".length()));
    }

    /** Merges the cluster's traces into {@code out}; returns the number of events written. */
    public static long merge(Path dir, Path out) throws IOException {
        List<Path> files = files(dir);
        if (files.isEmpty()) {
            throw new IllegalStateException("no traces in " + dir);
        }
        try (NdjsonSink sink = new NdjsonSink(out)) {
            return TraceMerger.merge(files, new Renumbering(sink));
        }
    }

    /** Passes events on with message ids renumbered densely. */
    private static final class Renumbering implements TraceSink {
        private final TraceSink out;
        private final Map<Long, Long> ids = new HashMap<>();

        Renumbering(TraceSink out) {
            this.out = out;
        }

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public void header(TraceHeader header) {
            out.header(header);
        }

        @Override
        public void event(TraceEvent e) {
            TraceMessage m = e.msg();
            if (m != null) {
                long id = ids.computeIfAbsent(m.id(), k -> (long) ids.size() + 1);
                m = new TraceMessage(id, m.from(), m.to(), m.type(), m.body());
            }
            out.event(new TraceEvent(e.seq(), e.node(), e.kind(), e.action(), m, e.state(), e.lamport(), e.vc()));
        }

        @Override
        public void close() {
            out.close();
        }
    }
}
