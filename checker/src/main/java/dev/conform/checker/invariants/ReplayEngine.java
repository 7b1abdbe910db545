package dev.conform.checker.invariants;

import dev.conform.checker.network.TraceNetwork;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Streams a trace through the network and node rules ({@link TraceNetwork}) and the algorithm's
 * {@link StateFolder}, and checks every safety invariant after every event, in constant memory.
 * Stops at the first event that cannot happen or ALWAYS violation (later events would be judged
 * against a state that is already wrong); AT_END invariants and the end of the trace (no
 * delivery left unhandled) are judged at the end. SOMETIMES properties are coverage: reported,
 * never a failure.
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
        long started = System.nanoTime();
        StateFolder<S> folder = set.folder();
        List<Invariant<S>> invs = set.invariants();
        boolean[] reached = new boolean[invs.size()];
        Map<String, Long> actions = new TreeMap<>();
        TraceNetwork network = new TraceNetwork(source.header(), set.consumers(), set.diskLoss());
        S state;
        try {
            state = folder.initial(source.header());
        } catch (FoldException ex) {
            // a header no run of the algorithm can have (its parameters contradict each other)
            ReplayResult.Failure bad = new ReplayResult.Failure(null, null, 0, 1, "the header cannot start a "
                    + set.algorithm() + " run: " + ex.getMessage());
            return finish(set.algorithm(), invs, null, 0, reached, actions, bad, folder,
                    java.time.Duration.ofNanos(System.nanoTime() - started));
        }
        long index = 0;
        ReplayResult.Failure failure = checkAlways(invs, state, 0, 0, -1, reached, folder);
        TraceEvent e;
        while (failure == null && (e = source.next()) != null) {
            index++;
            try {
                network.apply(e);
                state = folder.apply(state, e);
            } catch (FoldException ex) {
                failure = new ReplayResult.Failure(null, null, index, source.line(),
                        EventPlace.of(index, source.line(), e.seq()) + " cannot happen: " + ex.getMessage());
                break;
            }
            if (e.kind() == EventKind.ACTION) {
                actions.merge(e.action(), 1L, Long::sum);
            }
            failure = checkAlways(invs, state, index, source.line(), e.seq(), reached, folder);
            if ((index & 0xFFFFF) == 0) {
                progress.accept(index);
            }
        }
        if (failure == null) {
            String open = network.endProblem();
            if (open != null) {
                failure = new ReplayResult.Failure(null, null, index, 0,
                        "the trace ends after event " + index + " but " + open);
            }
        }
        return finish(set.algorithm(), invs, state, index, reached, actions, failure, folder,
                java.time.Duration.ofNanos(System.nanoTime() - started));
    }

    private static <S> ReplayResult.Failure checkAlways(List<Invariant<S>> invs, S state, long index, long line,
                                                       long seq, boolean[] reached, StateFolder<S> folder) {
        for (int i = 0; i < invs.size(); i++) {
            Invariant<S> inv = invs.get(i);
            switch (inv.kind()) {
                case ALWAYS -> {
                    if (!inv.holds(state)) {
                        String where = index == 0 ? "the initial state" : EventPlace.of(index, line, seq);
                        return new ReplayResult.Failure(inv.name(), inv.kind(), index, line,
                                inv.name() + " violated after " + where + ": " + folder.describe(state));
                    }
                }
                case SOMETIMES -> {
                    if (index > 0 && !reached[i] && inv.holds(state)) {
                        reached[i] = true;
                    }
                }
                case AT_END -> { }
            }
        }
        return null;
    }

    private static <S> ReplayResult finish(String algorithm, List<Invariant<S>> invs, S state, long events,
                                           boolean[] reached, Map<String, Long> actions,
                                           ReplayResult.Failure first, StateFolder<S> folder,
                                           java.time.Duration took) {
        List<ReplayResult.InvariantVerdict> verdicts = new ArrayList<>(invs.size());
        Map<String, Boolean> coverage = new LinkedHashMap<>();
        ReplayResult.Failure failure = first;
        for (int i = 0; i < invs.size(); i++) {
            Invariant<S> inv = invs.get(i);
            if (inv.kind() == Invariant.Kind.SOMETIMES) {
                coverage.put(inv.name(), reached[i]);
                continue;
            }
            String detail = null;
            if (first != null) {
                if (inv.name().equals(first.invariant())) {
                    detail = first.message();
                } else if (inv.kind() != Invariant.Kind.ALWAYS || first.invariant() == null) {
                    detail = ReplayResult.NOT_JUDGED + ": the replay stopped at event " + first.event();
                }
            } else if (inv.kind() == Invariant.Kind.AT_END && !inv.holds(state)) {
                detail = inv.name() + " does not hold after the last event (" + events + "): " + folder.describe(state);
            }
            if (detail != null && failure == null) {
                failure = new ReplayResult.Failure(inv.name(), inv.kind(), events, 0, detail);
            }
            verdicts.add(new ReplayResult.InvariantVerdict(inv.name(), inv.kind(), detail == null, detail));
        }
        return new ReplayResult(algorithm, events, List.copyOf(verdicts), new Coverage(coverage, actions), failure,
                took);
    }
}
