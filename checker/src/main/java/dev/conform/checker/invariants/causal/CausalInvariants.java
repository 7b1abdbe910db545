package dev.conform.checker.invariants.causal;

import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java invariants of {@code causal} traces (specs/causal), by the spec's names:
 * <ul>
 * <li>{@code CausalDelivery}: if broadcast b1 happened before b2 (b2's origin had delivered b1, or
 *     something b1 happened before, when it broadcast b2; read from the trace's Deliver events, not
 *     from the recorded deps), every server delivers b1 before b2;</li>
 * <li>{@code NoDuplication}: no server delivers a value twice (across crashes too);</li>
 * <li>{@code NoCreation}: every delivered value was broadcast, with that origin, seq and value;</li>
 * <li>{@code FifoDelivery}: a server delivers each origin's values in sequence, without gaps;</li>
 * <li>{@code HeldBack} (sometimes): some value arrived before it was deliverable, so a run in which
 *     the hold-back queue never mattered is reported by the gate's coverage.</li>
 * </ul>
 * EventualDelivery is a liveness property: the model-checking config judges it, and the chaos
 * tests judge that every run with a healed network ends with every value delivered everywhere.
 */
public final class CausalInvariants implements InvariantSet<CausalTraceState> {
    @Override
    public String algorithm() {
        return "causal";
    }

    @Override
    public StateFolder<CausalTraceState> folder() {
        return new CausalFolder();
    }

    @Override
    public List<Invariant<CausalTraceState>> invariants() {
        return List.of(
                Invariant.always("NoCreation", s -> s.holds("NoCreation")),
                Invariant.always("NoDuplication", s -> s.holds("NoDuplication")),
                Invariant.always("FifoDelivery", s -> s.holds("FifoDelivery")),
                Invariant.always("CausalDelivery", s -> s.holds("CausalDelivery")),
                Invariant.sometimes("HeldBack", s -> s.heldBack));
    }

    /** Receive handles a delivered Data, HandleAck a delivered Ack (as NetConsume in the trace spec). */
    @Override
    public Map<String, Set<String>> consumers() {
        return Map.of("Receive", Set.of("Data"), "HandleAck", Set.of("Ack"));
    }
}
