package dev.conform.checker.invariants.pingcounter;

import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PingCounter's Java invariants (specs/pingcounter/PingCounter.tla), registered for algorithm
 * {@code pingcounter} in META-INF/services/dev.conform.checker.invariants.InvariantSet.
 */
public final class PingCounterInvariants implements InvariantSet<PingCounterState> {
    @Override
    public String algorithm() {
        return "pingcounter";
    }

    @Override
    public StateFolder<PingCounterState> folder() {
        return new PingCounterFolder();
    }

    @Override
    public List<Invariant<PingCounterState>> invariants() {
        return List.of(
                Invariant.always("NotAhead", PingCounterState::notAhead),
                // Coverage: a run in which no ping ever mattered checked little.
                Invariant.sometimes("Raised", s -> s.raised));
    }

    /** Receive is the handler of a delivered Ping (it conjoins NetConsume in the trace spec). */
    @Override
    public Map<String, Set<String>> consumers() {
        return Map.of("Receive", Set.of("Ping"));
    }
}
