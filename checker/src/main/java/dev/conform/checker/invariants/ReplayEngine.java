package dev.conform.checker.invariants;

import dev.conform.tracing.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Streams a trace through a {@link StateFolder} and checks every invariant after every event,
 * in constant memory. Stops at the first ALWAYS violation or fold failure (later events are
 * judged against a state that is already wrong); SOMETIMES and AT_END are judged at the end.
 */
public final class ReplayEngine {
    private final LongConsumer progress;

    /** @param progress called with the event count every 2^20 events (may be a no-op) */
    public ReplayEngine(LongConsumer progress) {
        this.progress = progress;
    }

    public ReplayEngine() {
        this(n -> { });
    }

    public <S> ReplayResult replay(EventSource source, InvariantSet<S> set) {
        StateFolder<S> folder = set.folder();
        List<Invariant<S>> invs = set.invariants();
        int n = invs.size();
        boolean[] sometimesHeld = new boolean[n];
        S state = folder.initial(source.header());
        long index = 0;
        ReplayResult.Failure failure = checkAlways(invs, state, 0, 0, sometimesHeld, folder);
        TraceEvent e;
        while (failure == null && (e = source.next()) != null) {
            index++;
            try {
                state = folder.apply(state, e);
            } catch (FoldException ex) {
                failure = new ReplayResult.Failure(null, null, index, source.line(),
                        "event " + index + " (line " + source.line() + ") cannot happen: " + ex.getMessage());
                break;
            }
            failure = checkAlways(invs, state, index, source.line(), sometimesHeld, folder);
            if ((index & 0xFFFFF) == 0) {
                progress.accept(index);
            }
        }
        return finish(set.algorithm(), invs, state, index, sometimesHeld, failure, folder);
    }

    private static <S> ReplayResult.Failure checkAlways(List<Invariant<S>> invs, S state, long index, long line,
                                                       boolean[] sometimesHeld, StateFolder<S> folder) {
        for (int i = 0; i < invs.size(); i++) {
            Invariant<S> inv = invs.get(i);
            switch (inv.kind()) {
                case ALWAYS -> {
                    if (!inv.holds(state)) {
                        String where = index == 0 ? "the initial state" : "event " + index + " (line " + line + ")";
                        return new ReplayResult.Failure(inv.name(), inv.kind(), index, line,
                                inv.name() + " violated after " + where + ": " + folder.describe(state));
                    }
                }
                case SOMETIMES -> {
                    if (index > 0 && !sometimesHeld[i] && inv.holds(state)) {
                        sometimesHeld[i] = true;
                    }
                }
                case AT_END -> { }
            }
        }
        return null;
    }

    private static <S> ReplayResult finish(String algorithm, List<Invariant<S>> invs, S state, long events,
                                           boolean[] sometimesHeld, ReplayResult.Failure first,
                                           StateFolder<S> folder) {
        List<ReplayResult.InvariantVerdict> verdicts = new ArrayList<>(invs.size());
        ReplayResult.Failure failure = first;
        for (int i = 0; i < invs.size(); i++) {
            Invariant<S> inv = invs.get(i);
            String detail = null;
            if (first != null) {
                if (inv.name().equals(first.invariant())) {
                    detail = first.message();
                } else if (inv.kind() != Invariant.Kind.ALWAYS || first.invariant() == null) {
                    detail = "not judged: the replay stopped at event " + first.event();
                }
            } else if (inv.kind() == Invariant.Kind.SOMETIMES && !sometimesHeld[i]) {
                detail = inv.name() + " never held in " + events + " events";
            } else if (inv.kind() == Invariant.Kind.AT_END && !inv.holds(state)) {
                detail = inv.name() + " does not hold after the last event (" + events + "): " + folder.describe(state);
            }
            if (detail != null && failure == null) {
                failure = new ReplayResult.Failure(inv.name(), inv.kind(), events, 0, detail);
            }
            verdicts.add(new ReplayResult.InvariantVerdict(inv.name(), inv.kind(), detail == null, detail));
        }
        return new ReplayResult(algorithm, events, List.copyOf(verdicts), failure);
    }
}
