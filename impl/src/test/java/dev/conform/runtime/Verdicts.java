package dev.conform.runtime;

import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import java.util.List;

/**
 * Judges a recorded run the way {@code conform gate} does: the invariant set registered for the
 * trace header's algorithm, replayed by the checker's {@link ReplayEngine}. Tests hold no safety
 * rule of their own: a property lives once, in the checker.
 */
public final class Verdicts {
    private Verdicts() {
    }

    public static ReplayResult judge(TraceHeader header, List<TraceEvent> events) {
        InvariantSet<?> set = InvariantRegistry.find(header.algorithm())
                .orElseThrow(() -> new AssertionError("no invariants registered for " + header.algorithm()));
        return new ReplayEngine().replay(EventSource.of(header, events), set);
    }

    public static ReplayResult judge(ListSink sink) {
        return judge(sink.header, sink.events);
    }

    /** The failure in one line (for assertion messages), or "conforms". */
    public static String describe(ReplayResult r) {
        return r.conforms() ? "conforms" : r.failure().message();
    }
}
