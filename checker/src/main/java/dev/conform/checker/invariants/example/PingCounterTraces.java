package dev.conform.checker.invariants.example;

import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.io.NdjsonSink;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded generator of PingCounter traces that follow the spec (for long-trace tests and the
 * validation benchmarks): random enabled steps of two nodes, channels kept short.
 */
public final class PingCounterTraces {
    private PingCounterTraces() {
    }

    /** Writes {@code events} events to {@code file}; the same seed gives the same file. */
    public static void write(Path file, long events, long seed) {
        try (TraceSink sink = new NdjsonSink(file)) {
            generate(sink, events, seed);
        }
    }

    @SuppressWarnings("unchecked")
    public static void generate(TraceSink sink, long events, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        sink.header(new TraceHeader(TraceHeader.SCHEMA_VERSION, "pingcounter-fifo", List.of(1, 2), seed, null,
                "conform PingCounterTraces", Map.of("net", "unreliable", "lossPercent", 10)));
        long[] count = new long[3];
        ArrayDeque<long[]>[] chan = new ArrayDeque[] {null, new ArrayDeque<>(), new ArrayDeque<>()};
        long msgId = 0;
        for (long seq = 1; seq <= events; seq++) {
            int n = 1 + rnd.nextInt(2);
            int other = 3 - n;
            int choice = rnd.nextInt(10);
            TraceEvent e;
            if (choice < 4 && !chan[n].isEmpty()) {
                long[] m = chan[n].pollFirst();
                boolean drop = choice == 0;
                if (!drop) {
                    count[n] = Math.max(count[n], m[1]);
                }
                TraceMessage msg = new TraceMessage(m[2], other, n, "Ping", Map.of("val", m[1]));
                e = drop ? new TraceEvent(seq, n, EventKind.DROP, null, msg, null, -1, null)
                        : new TraceEvent(seq, n, EventKind.DELIVER, null, msg, Map.of("count", count[n]), -1, null);
            } else if (choice < 7 && chan[other].size() < 4) {
                long id = ++msgId;
                chan[other].addLast(new long[] {n, count[n], id});
                e = new TraceEvent(seq, n, EventKind.SEND, null, new TraceMessage(id, n, other, "Ping",
                        Map.of("val", count[n])), Map.of("count", count[n]), -1, null);
            } else {
                count[n]++;
                e = new TraceEvent(seq, n, EventKind.ACTION, "Inc", null, Map.of("count", count[n]), -1, null);
            }
            sink.event(e);
        }
    }
}
