package dev.conform.checker.invariants.crdt;

import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java twin of TraceCrdt.tla for {@code crdt} traces (every kind and clock mode): the folder
 * ({@link CrdtFolder}) rejects every event the spec does not match, and the spec's invariants are
 * checked after every event under the same names:
 * <ul>
 * <li>{@code NoPhantomUpdates} (always): no replica knows of an update its origin has not made;</li>
 * <li>{@code HlcDominates} (always): with the HLC, every replica's clock is at or above every
 *     timestamp its value holds, so no causally later write is lost;</li>
 * <li>{@code CrdtQuiet} (at the end): no handler left half done (the spec's end condition);</li>
 * <li>{@code Gossiped}, {@code ReadServed} (sometimes, coverage): a merge happened, a client read.</li>
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
            Invariant.always("NoPhantomUpdates", s -> s.params == null || s.noPhantomUpdates()),
            Invariant.always("HlcDominates", CrdtTraceState::hlcDominates),
            Invariant.atEnd("CrdtQuiet", CrdtTraceState::quiet),
            Invariant.sometimes("Gossiped", s -> s.merges > 0),
            Invariant.sometimes("ReadServed", s -> s.reads > 0));
    }

    /** Every gossip message a replica receives is merged by one ReceiveGossip action. */
    @Override
    public Map<String, Set<String>> consumers() {
        return Map.of("ReceiveGossip", Set.of("Push", "Reply"));
    }
}
