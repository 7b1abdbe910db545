package dev.conform.checker.invariants.twopc;

import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java invariants of {@code twopc} traces:
 * <ul>
 * <li>{@code CommitValidity} (always): if anyone committed, every participant sent a yes vote;</li>
 * <li>{@code Consistency} (always): no participant committed while another participant or the
 *     coordinator aborted, and vice versa (as in {@code TwoPhase.tla});</li>
 * <li>{@code DecidedOrCoordinatorDown} (sometimes): at some point someone decided or the
 *     coordinator was down, so a run in which the transaction went nowhere for no reason fails.</li>
 * </ul>
 * One run holds one transaction and so shows one outcome; {@code CommitHappened} and
 * {@code AbortHappened} are batch expectations, see {@link TwoPhaseBatch}.
 */
public final class TwoPhaseInvariants implements InvariantSet<TwoPhaseTraceState> {
    @Override
    public String algorithm() {
        return "twopc";
    }

    @Override
    public StateFolder<TwoPhaseTraceState> folder() {
        return new TwoPhaseFolder();
    }

    @Override
    public List<Invariant<TwoPhaseTraceState>> invariants() {
        return List.of(
                // CommitValidity first: a commit over a no vote also breaks Consistency (the no
                // voter aborted), and the report should name the cause.
                Invariant.always("CommitValidity", TwoPhaseTraceState::commitValid),
                Invariant.always("Consistency", TwoPhaseTraceState::consistent),
                Invariant.sometimes("DecidedOrCoordinatorDown", TwoPhaseTraceState::decidedOrCoordinatorDown));
    }

    /** Not bound yet: the implementation ignores some deliveries without recording an action. */
    @Override
    public Map<String, Set<String>> consumers() {
        return Map.of();
    }
}
