package dev.conform.runtime;

import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The key under which {@link #violations} reports a step the spec does not allow. */
    public static final String SPEC_STEP = "spec step";

    /**
     * Every ALWAYS invariant of {@code set} that some state along {@code events} breaks, with the
     * first report of each, in the set's order. For scripted runs (no clocks, no drops or
     * timers recorded), so no {@link ReplayEngine}: the fold goes on
     * past a violation, which lets a test name the invariant a flaw breaks even when another
     * breaks first. A step the spec does not allow ends the fold, reported under {@link #SPEC_STEP}.
     */

    public static <S> Map<String, String> violations(InvariantSet<S> set, TraceHeader header, List<TraceEvent> events) {
        StateFolder<S> folder = set.folder();
        S state = folder.initial(header);
        Map<String, String> out = new LinkedHashMap<>();
        for (TraceEvent e : events) {
            try {
                state = folder.apply(state, e);
            } catch (FoldException rejected) {
                out.put(SPEC_STEP, "event " + e.seq() + ": " + rejected.getMessage());
                return out;
            }
            for (Invariant<S> inv : set.invariants()) {
                if (inv.kind() == Invariant.Kind.ALWAYS && !out.containsKey(inv.name()) && !inv.predicate().test(state)) {
                    out.put(inv.name(), folder.describe(state));
                }
            }
        }
        return out;
    }
}
