package dev.conform.checker.invariants.example;

import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The invariant set of the FIFO PingCounter fixture ({@code pingcounter-fifo}), registered via ServiceLoader. */
public final class PingCounterInvariants implements InvariantSet<PingCounterState> {
    @Override
    public String algorithm() {
        return "pingcounter-fifo";
    }

    @Override
    public StateFolder<PingCounterState> folder() {
        return new PingCounterFolder();
    }

    @Override
    public List<Invariant<PingCounterState>> invariants() {
        return List.of(
                Invariant.always("NotAhead", PingCounterState::notAhead),
                Invariant.always("CountsMonotone", s -> !s.regressed),
                Invariant.sometimes("Exchanged", s -> s.delivered > 0));
    }

    /** PingCounter records the receipt on the deliver event itself: no handler actions. */
    @Override
    public Map<String, Set<String>> consumers() {
        return Map.of();
    }
}
