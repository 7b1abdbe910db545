package dev.conform.checker.invariants.twopc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The spec variables of {@code TwoPhase.tla} as far as a trace shows them, folded event by event. */
public final class TwoPhaseTraceState {
    static final String COMMITTED = "committed";
    static final String ABORTED = "aborted";
    static final String PREPARED = "prepared";

    final int coordinator;
    /** rmState per participant, "working" until the participant records otherwise. */
    final SortedMap<Integer, String> rmState = new TreeMap<>();
    String tmState = "init";
    /** History: participants that ever sent a yes vote. */
    final SortedSet<Integer> yesVotes = new TreeSet<>();
    /** Nodes crashed and not restarted. */
    final SortedSet<Integer> down = new TreeSet<>();
    /** Any node committed (or aborted) at some point of the run, even if a later state differs. */
    boolean everCommitted;
    boolean everAborted;

    TwoPhaseTraceState(List<Integer> nodes) {
        List<Integer> sorted = new ArrayList<>(nodes);
        sorted.sort(null);
        this.coordinator = sorted.isEmpty() ? 1 : sorted.get(0);
        for (int r : sorted.subList(Math.min(1, sorted.size()), sorted.size())) {
            rmState.put(r, "working");
        }
    }

    public int coordinator() {
        return coordinator;
    }

    public SortedSet<Integer> participants() {
        return new TreeSet<>(rmState.keySet());
    }

    public String tmState() {
        return tmState;
    }

    /** The participant's recorded state, or null for a node that is not a participant. */
    public String rmState(int participant) {
        return rmState.get(participant);
    }

    public boolean coordinatorUp() {
        return !down.contains(coordinator);
    }

    /** Someone committed at some point of the run. */
    public boolean committed() {
        return everCommitted;
    }

    /** Someone aborted at some point of the run (a decision to abort or a unilateral abort). */
    public boolean aborted() {
        return everAborted;
    }

    /** Participants that voted yes and do not know the outcome. */
    public SortedSet<Integer> uncertain() {
        SortedSet<Integer> out = new TreeSet<>();
        rmState.forEach((r, s) -> {
            if (s.equals(PREPARED)) {
                out.add(r);
            }
        });
        return out;
    }

    boolean consistent() {
        boolean rmCommitted = rmState.containsValue(COMMITTED);
        boolean rmAborted = rmState.containsValue(ABORTED);
        return !(rmCommitted && rmAborted)
                && !(tmState.equals(COMMITTED) && rmAborted)
                && !(tmState.equals(ABORTED) && rmCommitted);
    }

    boolean commitValid() {
        boolean anyCommitted = tmState.equals(COMMITTED) || rmState.containsValue(COMMITTED);
        return !anyCommitted || yesVotes.containsAll(rmState.keySet());
    }

    boolean decidedOrCoordinatorDown() {
        return tmState.equals(COMMITTED) || tmState.equals(ABORTED) || rmState.containsValue(COMMITTED)
                || rmState.containsValue(ABORTED) || !coordinatorUp();
    }

    /**
     * When this is the state at the end of a run: a note if participants are left uncertain
     * while the coordinator is down, the blocking 2PC is known for (not a safety violation:
     * the spec's liveness property {@code EveryoneDecides} fails, see {@code MCTwoPhaseLive.cfg}).
     */
    public Optional<String> blocking() {
        SortedSet<Integer> stuck = uncertain();
        if (stuck.isEmpty() || coordinatorUp()) {
            return Optional.empty();
        }
        return Optional.of("blocked: participant" + (stuck.size() == 1 ? " " : "s ") + stuck
                + " voted yes and remain uncertain while coordinator " + coordinator + " is down"
                + " (coordinator state " + tmState + "); 2PC blocks here, EveryoneDecides does not hold"
                + " - expected, not a safety violation");
    }

    @Override
    public String toString() {
        return "tmState=" + tmState + " rmState=" + rmState + " yesVotes=" + yesVotes + " down=" + down;
    }
}
