package dev.conform.checker.invariants.paxos;

import dev.conform.checker.invariants.FoldException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which recorded-state changes each action of specs/paxos may make; anything else is a step the
 * spec does not allow, and the replay rejects the trace at it (a lie in a recorded state, such as
 * an applied index that jumps, is caught even when no invariant is broken yet). A restart must
 * bring back exactly the durable part of the last recorded state, since every handler persists
 * what it recorded before the next event.
 */
final class PaxosSteps {
    static final Set<String> ACTIONS = Set.of("StartBallot", "HandlePrepare", "HandlePromise", "Propose",
            "HandleAccept", "HandleAccepted", "HandleDecide", "Apply", "TakeSnapshot", "HandleInstallSnapshot",
            "SendHeartbeat", "HandleHeartbeat", "HandleCatchUp", "HandleNack", "RedirectClient", "AnswerFromSession");
    private static final Set<String> PROMISE_RAISERS = Set.of("StartBallot", "HandlePrepare", "HandleAccept", "HandleNack");
    private static final Set<String> VOTERS = Set.of("HandleAccept", "Propose", "HandlePromise");
    private static final Set<String> LEARNERS = Set.of("HandleAccepted", "HandleDecide", "Propose", "HandlePromise",
            "StartBallot");
    private static final String SNAPSHOT_FLAW = "snapshot-overwrites-newer";

    private PaxosSteps() {
    }

    /**
     * Checks the step {@code action} of server {@code rank} (1-based, of {@code n} servers) from
     * {@code o} to {@code w}; {@code msgBallot} is the ballot of the message the handler took
     * (-1: none); {@code flaws} are the header's. A promise rises only to that ballot.
     */
    static void check(String action, int rank, int n, PaxosTraceState.Server o, PaxosTraceState.Server w,
                      long msgBallot, List<String> flaws) {
        String at = action + " at server rank " + rank;
        if (!ACTIONS.contains(action)) {
            throw new FoldException("unknown paxos action " + action);
        }
        if (w.promised < o.promised || (w.promised != o.promised && !PROMISE_RAISERS.contains(action))
                || (w.promised != o.promised && !action.equals("StartBallot") && w.promised != msgBallot)) {
            throw new FoldException(at + " changes promised " + o.promised + " -> " + w.promised
                    + (msgBallot < 0 ? "" : " on a message of ballot " + msgBallot));
        }
        if (w.ballot != o.ballot) {
            if (!action.equals("StartBallot") || w.ballot <= o.ballot || (w.ballot - 1) % n + 1 != rank
                    || w.promised != w.ballot) {
                throw new FoldException(at + " changes ballot " + o.ballot + " -> " + w.ballot + " (promised "
                        + w.promised + ")");
            }
        }
        boolean applyOk = action.equals("Apply") ? w.applied == o.applied + 1
                : action.equals("HandleInstallSnapshot") ? w.applied >= o.applied : w.applied == o.applied;
        if (!applyOk) {
            throw new FoldException(at + " changes applied " + o.applied + " -> " + w.applied);
        }
        if (w.snapshotIndex != o.snapshotIndex) {
            boolean ok = w.snapshotIndex > o.snapshotIndex && (action.equals("HandleInstallSnapshot")
                    || (action.equals("TakeSnapshot") && w.snapshotIndex == w.applied));
            if (!ok) {
                throw new FoldException(at + " changes snapshotIndex " + o.snapshotIndex + " -> " + w.snapshotIndex);
            }
        }
        if (w.leader && !o.leader && !action.equals("HandlePromise") && !action.equals("StartBallot")) {
            throw new FoldException(at + " becomes leader");
        }
        if (o.leader && !w.leader && w.promised <= w.ballot && !action.equals("StartBallot")) {
            throw new FoldException(at + " stops leading without a higher promise");
        }
        boolean wipe = action.equals("HandleInstallSnapshot") && flaws.contains(SNAPSHOT_FLAW);
        slots(at, "chosen", o.chosen, w.chosen, w.snapshotIndex, LEARNERS.contains(action), false, wipe);
        slots(at, "accepted", o.accepted, w.accepted, w.snapshotIndex, VOTERS.contains(action),
                VOTERS.contains(action), wipe);
    }

    /**
     * Slots above the snapshot stay as they were, unless {@code mayAdd} (new slots) or
     * {@code mayChange} (other values); slots at or below the snapshot are gone.
     */
    private static <V> void slots(String at, String field, Map<Long, V> o, Map<Long, V> w, long snapshotIndex,
                                  boolean mayAdd, boolean mayChange, boolean mayDrop) {
        for (Map.Entry<Long, V> e : o.entrySet()) {
            if (e.getKey() <= snapshotIndex) {
                continue;
            }
            V now = w.get(e.getKey());
            if (now == null ? !mayDrop : !now.equals(e.getValue()) && !mayChange) {
                throw new FoldException(at + " changes " + field + " slot " + e.getKey() + ": " + e.getValue()
                        + " -> " + now);
            }
        }
        for (Map.Entry<Long, V> e : w.entrySet()) {
            if (e.getKey() <= snapshotIndex) {
                throw new FoldException(at + " keeps " + field + " slot " + e.getKey() + " inside its snapshot "
                        + snapshotIndex);
            }
            if (!o.containsKey(e.getKey()) && !mayAdd) {
                throw new FoldException(at + " adds " + field + " slot " + e.getKey());
            }
        }
    }

    /** A restart brings back the durable part of the last recorded state, with nothing chosen above the snapshot. */
    static void restart(int node, PaxosTraceState.Server o, PaxosTraceState.Server w) {
        if (w.ballot != o.ballot || w.promised != o.promised || w.snapshotIndex != o.snapshotIndex
                || !Objects.equals(w.accepted, o.accepted)) {
            throw new FoldException("server " + node + " restarts with ballot " + w.ballot + ", promised " + w.promised
                    + ", snapshot " + w.snapshotIndex + ", votes " + w.accepted + " but had persisted ballot "
                    + o.ballot + ", promised " + o.promised + ", snapshot " + o.snapshotIndex + ", votes " + o.accepted);
        }
    }
}
