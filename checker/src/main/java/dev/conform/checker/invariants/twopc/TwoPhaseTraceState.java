package dev.conform.checker.invariants.twopc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The variables of {@code TwoPhase.tla} as {@code TraceTwoPhase.tla} has them along a trace,
 * folded event by event by {@link TwoPhaseFolder}: the coordinator's {@code tmState},
 * {@code tmPrepared}, {@code tmAcked}, {@code tmUp}; each participant's {@code rmState} and
 * {@code rmUp}; each client's {@code clientOutcome}; the history {@code yesVotes}; and
 * {@code msgs}, the messages recorded actions made whose send event has not come yet (each
 * node's outbox). The nodes come from the header's roles.
 */
public final class TwoPhaseTraceState {
    static final String INIT = "init";
    static final String WAITING = "waiting";
    static final String WORKING = "working";
    static final String COMMITTED = "committed";
    static final String ABORTED = "aborted";
    static final String PREPARED = "prepared";
    static final String NONE = "none";

    final int coordinator;
    final SortedSet<Integer> participants;
    final SortedSet<Integer> clients;
    final boolean cooperative;
    /** Why the header cannot be a two-phase commit header, or null. */
    final String headerProblem;

    String tmState = INIT;
    final SortedSet<Integer> tmPrepared = new TreeSet<>();
    final SortedSet<Integer> tmAcked = new TreeSet<>();
    boolean tmUp = true;
    final SortedMap<Integer, String> rmState = new TreeMap<>();
    final SortedSet<Integer> rmDown = new TreeSet<>();
    final SortedMap<Integer, String> clientOutcome = new TreeMap<>();
    /** History: participants that ever sent a yes vote. */
    final SortedSet<Integer> yesVotes = new TreeSet<>();
    /** Messages recorded actions made and not yet sent (each node's outbox). */
    final Set<SpecMessage> msgs = new LinkedHashSet<>();
    /** Nodes the network has down (crashed, not restarted); the spec's up state follows at recovery. */
    final SortedSet<Integer> netDown = new TreeSet<>();
    /** The message delivered to each node and not yet consumed by its handler. */
    final Map<Integer, SpecMessage> delivered = new TreeMap<>();
    /** Any node committed (or aborted) at some point of the run, even if a later state differs. */
    boolean everCommitted;
    boolean everAborted;

    TwoPhaseTraceState(int coordinator, List<Integer> participants, List<Integer> clients, boolean cooperative,
            String headerProblem) {
        this.coordinator = coordinator;
        this.participants = new TreeSet<>(participants);
        this.clients = new TreeSet<>(clients);
        this.cooperative = cooperative;
        this.headerProblem = headerProblem;
        participants.forEach(r -> rmState.put(r, WORKING));
        clients.forEach(c -> clientOutcome.put(c, NONE));
    }

    public int coordinator() {
        return coordinator;
    }

    public SortedSet<Integer> participants() {
        return new TreeSet<>(participants);
    }

    public String tmState() {
        return tmState;
    }

    /** The participant's recorded state, or null for a node that is not a participant. */
    public String rmState(int participant) {
        return rmState.get(participant);
    }

    /** What client {@code c} was told ("none" before the answer), or null for a node that is not a client. */
    public String clientOutcome(int c) {
        return clientOutcome.get(c);
    }

    public boolean coordinatorUp() {
        return tmUp;
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

    boolean decided() {
        return tmState.equals(COMMITTED) || tmState.equals(ABORTED);
    }

    /** The spec's up state of node n (clients are always up). */
    boolean up(int n) {
        if (n == coordinator) {
            return tmUp;
        }
        return !rmDown.contains(n);
    }

    /** Node n has sent every message its recorded actions made ({@code NoneFrom(n)}). */
    boolean noneFrom(int n) {
        for (SpecMessage m : msgs) {
            if (m.from() == n) {
                return false;
            }
        }
        return true;
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

    /** {@code ReportsFollowDecision}: commit reported only once decided so; clients told exactly the decision. */
    boolean reportsFollowDecision() {
        if (rmState.containsValue(COMMITTED) && !tmState.equals(COMMITTED)) {
            return false;
        }
        for (String o : clientOutcome.values()) {
            if (!o.equals(NONE) && !o.equals(tmState)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code TwoPhaseTraceEnd}, the part beyond the network's end rule: every recorded send was
     * made, and every node the network has up has recovered.
     */
    boolean endQuiet() {
        if (!msgs.isEmpty()) {
            return false;
        }
        if (tmUp == netDown.contains(coordinator)) {
            return false;
        }
        for (int r : participants) {
            if (up(r) == netDown.contains(r)) {
                return false;
            }
        }
        return true;
    }

    boolean decidedOrCoordinatorDown() {
        return decided() || rmState.containsValue(COMMITTED) || rmState.containsValue(ABORTED) || !tmUp;
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
        return "tmState=" + tmState + " tmPrepared=" + tmPrepared + " tmAcked=" + tmAcked + " tmUp=" + tmUp
                + " rmState=" + rmState + " rmDown=" + rmDown + " clientOutcome=" + clientOutcome
                + " yesVotes=" + yesVotes + " unsent=" + msgs;
    }
}
