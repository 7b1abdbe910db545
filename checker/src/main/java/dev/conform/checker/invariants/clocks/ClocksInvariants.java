package dev.conform.checker.invariants.clocks;

import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java invariants of {@code clocks} traces (specs/clocks), by the spec's names, with happens-before
 * taken from the trace's structure (program order per node, a Send to every Receive of its Tick,
 * transitively), not from the recorded clocks:
 * <ul>
 * <li>{@code ClockCondition}: e -> f implies LC(e) < LC(f);</li>
 * <li>{@code VectorCharacterisation}: e -> f iff VC(e) < VC(f), for every pair of recorded events;</li>
 * <li>{@code ClockIsLatest}: a node's clock is at least the Lamport time of each of its events
 *     (a restart that lost its clock breaks it);</li>
 * <li>{@code Merged} (sometimes): some Receive took its time from the message's stamp, so a run in
 *     which merging never mattered is reported by the gate's coverage.</li>
 * </ul>
 */
public final class ClocksInvariants implements InvariantSet<ClocksTraceState> {
    @Override
    public String algorithm() {
        return "clocks";
    }

    @Override
    public StateFolder<ClocksTraceState> folder() {
        return new ClocksFolder();
    }

    @Override
    public List<Invariant<ClocksTraceState>> invariants() {
        return List.of(
                Invariant.always("ClockCondition", s -> s.holds("ClockCondition")),
                Invariant.always("VectorCharacterisation", s -> s.holds("VectorCharacterisation")),
                Invariant.always("ClockIsLatest", ClocksInvariants::clockIsLatest),
                Invariant.sometimes("Merged", s -> s.merged));
    }

    static boolean clockIsLatest(ClocksTraceState s) {
        for (Map.Entry<Integer, Integer> m : s.maxLc.entrySet()) {
            if (s.now.get(m.getKey()).lc() < m.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Receive handles a delivered Tick (it conjoins NetConsume in the trace spec). */
    @Override
    public Map<String, Set<String>> consumers() {
        return Map.of("Receive", Set.of("Tick"));
    }
}
