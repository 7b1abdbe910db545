package dev.conform.algorithms.twopc;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a run of two-phase commit behaves. The workload is one transaction per run, started by
 * the coordinator when it starts; which participants refuse it is data here, not chance, so a
 * run is fully determined by its options and the runtime's seed.
 *
 * @param cooperative cooperative termination: an uncertain participant asks its peers as well as
 *     the coordinator, and a peer that has not voted aborts and says so
 * @param flaws teaching flaws switched on (empty by default)
 * @param voteNo participants that vote no when asked to prepare
 * @param abortEarly participants that abort unilaterally as soon as they start, before voting
 */
public record TwoPhaseOptions(boolean cooperative, Set<TwoPhaseFlaw> flaws, Set<Integer> voteNo,
        Set<Integer> abortEarly) {

    public TwoPhaseOptions {
        flaws = flaws.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flaws));
        voteNo = Set.copyOf(voteNo);
        abortEarly = Set.copyOf(abortEarly);
    }

    /** No cooperative termination, no flaws, everyone votes yes. */
    public static TwoPhaseOptions defaults() {
        return new TwoPhaseOptions(false, Set.of(), Set.of(), Set.of());
    }

    public TwoPhaseOptions withCooperative(boolean on) {
        return new TwoPhaseOptions(on, flaws, voteNo, abortEarly);
    }

    public TwoPhaseOptions withFlaw(TwoPhaseFlaw flaw) {
        EnumSet<TwoPhaseFlaw> more = flaws.isEmpty() ? EnumSet.noneOf(TwoPhaseFlaw.class) : EnumSet.copyOf(flaws);
        more.add(flaw);
        return new TwoPhaseOptions(cooperative, more, voteNo, abortEarly);
    }

    public TwoPhaseOptions withVoteNo(Integer... ids) {
        return new TwoPhaseOptions(cooperative, flaws, Set.of(ids), abortEarly);
    }

    public TwoPhaseOptions withAbortEarly(Integer... ids) {
        return new TwoPhaseOptions(cooperative, flaws, voteNo, Set.of(ids));
    }

    public boolean has(TwoPhaseFlaw flaw) {
        return flaws.contains(flaw);
    }
}
