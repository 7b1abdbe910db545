package dev.conform.checker.invariants.crdt;

import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java invariants of {@code crdt} traces (gossip-replicated CRDTs):
 * <ul>
 * <li>{@code Monotonic} (always): every replica's recorded value only grows in its lattice order;</li>
 * <li>{@code NoLostCausalWrite} (always): no last-writer-wins write is absorbed at birth by the
 *     write it causally follows (the failure of physical timestamps under clock skew);</li>
 * <li>{@code Gossiped} (sometimes): at least one merge happened, so the run exercised replication.</li>
 * </ul>
 */
public final class CrdtInvariants implements InvariantSet<CrdtTraceState> {
    @Override
    public String algorithm() {
        return "crdt";
    }

    @Override
    public StateFolder<CrdtTraceState> folder() {
        return new CrdtFolder();
    }

    @Override
    public List<Invariant<CrdtTraceState>> invariants() {
        return List.of(
            Invariant.always("Monotonic", s -> !s.regressed),
            Invariant.always("NoLostCausalWrite", s -> !s.lostWrite),
            Invariant.sometimes("Gossiped", s -> s.merges > 0));
    }

    /** Every gossip message a replica receives is merged by one ReceiveGossip action. */
    @Override
    public Map<String, Set<String>> consumers() {
        return Map.of("ReceiveGossip", Set.of("Push", "Reply"));
    }
}
