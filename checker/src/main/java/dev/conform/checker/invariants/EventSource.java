package dev.conform.checker.invariants;

import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.io.TraceReader;
import java.util.Iterator;
import java.util.List;

/** A stream of events with their line numbers: a trace file or a list held in memory. */
public interface EventSource {
    TraceHeader header();

    /** The next event, or null at the end. */
    TraceEvent next();

    /** The line of the event last returned by {@link #next()} (1 is the header). */
    long line();

    static EventSource of(TraceReader r) {
        return new EventSource() {
            @Override
            public TraceHeader header() {
                return r.header();
            }

            @Override
            public TraceEvent next() {
                return r.next();
            }

            @Override
            public long line() {
                return r.line();
            }
        };
    }

    /** Events held in memory; event i is taken to be on line i + 1. */
    static EventSource of(TraceHeader header, List<TraceEvent> events) {
        Iterator<TraceEvent> it = events.iterator();
        return new EventSource() {
            long line = 1;

            @Override
            public TraceHeader header() {
                return header;
            }

            @Override
            public TraceEvent next() {
                if (!it.hasNext()) {
                    return null;
                }
                line++;
                return it.next();
            }

            @Override
            public long line() {
                return line;
            }
        };
    }
}
