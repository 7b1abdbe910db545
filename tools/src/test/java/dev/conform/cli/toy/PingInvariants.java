package dev.conform.cli.toy;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Java invariants of {@link PingAlgorithm}: every Pass action carries the next count. */
public final class PingInvariants implements InvariantSet<PingInvariants.Passes> {
    /** The highest count passed so far. */
    public static final class Passes {
        long last;
        boolean inOrder = true;
    }

    @Override
    public String algorithm() {
        return "ping";
    }

    @Override
    public StateFolder<Passes> folder() {
        return new StateFolder<>() {
            @Override
            public Passes initial(TraceHeader header) {
                return new Passes();
            }

            @Override
            public Passes apply(Passes s, TraceEvent e) {
                if ("Pass".equals(e.action())) {
                    if (!(e.state() instanceof Map<?, ?> m) || !(m.get("n") instanceof Number n)) {
                        throw new FoldException("a Pass action records its count n");
                    }
                    s.inOrder &= n.longValue() == s.last + 1;
                    s.last = n.longValue();
                }
                return s;
            }
        };
    }

    @Override
    public List<Invariant<Passes>> invariants() {
        return List.of(Invariant.always("CountsInOrder", s -> s.inOrder),
                Invariant.sometimes("Passed", s -> s.last > 0));
    }

    @Override
    public Map<String, Set<String>> consumers() {
        return Map.of("Pass", Set.of("Ping"));
    }
}
