package dev.conform.checker.invariants.twopc;

import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java invariants of {@code twopc} traces, over the state {@link TwoPhaseFolder} replays with the
 * actions of {@code TwoPhase.tla} (a step the spec does not allow is rejected at its event):
 * <ul>
 * <li>{@code CommitValidity} (always): if anyone committed, every participant sent a yes vote;</li>
 * <li>{@code Consistency} (always): no participant committed while another participant or the
 *     coordinator aborted, and vice versa (as in {@code TwoPhase.tla});</li>
 * <li>{@code ReportsFollowDecision} (always): a participant reports commit only once the
 *     coordinator has logged commit, and a client is told exactly the logged decision;</li>
 * <li>{@code TwoPhaseTraceEnd} (at the end): every send a recorded action made was made, and every
 *     node the network has up has recovered (the trace spec's end condition);</li>
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
                Invariant.always("ReportsFollowDecision", TwoPhaseTraceState::reportsFollowDecision),
                Invariant.atEnd("TwoPhaseTraceEnd", TwoPhaseTraceState::endQuiet),
                Invariant.sometimes("DecidedOrCoordinatorDown", TwoPhaseTraceState::decidedOrCoordinatorDown));
    }

    /** Every handler action and the message type whose delivery it consumes, as in the trace spec. */
    @Override
    public Map<String, Set<String>> consumers() {
        return TwoPhaseSteps.CONSUMERS;
    }
}
