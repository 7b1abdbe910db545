package dev.conform.checker.invariants.raft;

import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;

import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * Java invariants of {@code raft} traces, named as in specs/raft/Raft.tla:
 * <ul>
 * <li>{@code ElectionSafety} (always): at most one leader per term;</li>
 * <li>{@code LogMatching} (always): logs that agree on the term at an index agree up to it;</li>
 * <li>{@code LeaderCompleteness} (always): a leader holds every entry committed at a server whose
 *     term is not newer than its own;</li>
 * <li>{@code StateMachineSafety} (always): no two servers committed different entries at an index;</li>
 * <li>{@code RaftQuiet} (at the end, TraceRaft.tla's end condition): every answer a handler
 *     produced and every client reply owed was sent;</li>
 * <li>{@code LeaderElected}, {@code EntryCommitted} (sometimes): the run elected a leader and
 *     committed an entry, so a run where nothing happened fails.</li>
 * </ul>
 * Before the invariants, every event is taken by the spec's steps ({@link RaftSpecReplay}): an
 * event TraceRaft.tla cannot match is rejected with the reason.
 */
public final class RaftInvariants implements InvariantSet<RaftTraceState> {
    private final boolean specSteps;

    public RaftInvariants() {
        this(true);
    }

    private RaftInvariants(boolean specSteps) {
        this.specSteps = specSteps;
    }

    /**
     * The invariants alone, without the spec's steps: for judging them on hand-built traces and
     * on the recorded actions of scripted runs (impl's scenario tests), which hold no network events.
     */
    public static RaftInvariants invariantsAlone() {
        return new RaftInvariants(false);
    }

    @Override
    public String algorithm() {
        return "raft";
    }

    @Override
    public StateFolder<RaftTraceState> folder() {
        return new RaftFolder(specSteps);
    }

    @Override
    public List<Invariant<RaftTraceState>> invariants() {
        return List.of(
            Invariant.always("ElectionSafety", RaftProperties::electionSafety),
            Invariant.always("LogMatching", RaftProperties::logMatching),
            Invariant.always("LeaderCompleteness", RaftProperties::leaderCompleteness),
            Invariant.always("StateMachineSafety", RaftProperties::stateMachineSafety),
            Invariant.atEnd("RaftQuiet", s -> s.spec == null || s.spec.endProblem() == null),
            Invariant.sometimes("LeaderElected", RaftProperties::leaderElected),
            Invariant.sometimes("EntryCommitted", RaftProperties::entryCommitted));
    }

    /**
     * Each Handle action consumes the delivery of its message type, and each client request is
     * consumed by ClientRequest, RedirectClient or AnswerFromSession (README, rule R2).
     */
    @Override
    public Map<String, Set<String>> consumers() {
        Map<String, Set<String>> c = new java.util.HashMap<>();
        RaftActions.HANDLERS.forEach((action, type) -> c.put(action, Set.of(type)));
        return Map.copyOf(c);
    }
}
