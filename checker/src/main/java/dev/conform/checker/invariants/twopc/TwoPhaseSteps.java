package dev.conform.checker.invariants.twopc;

import static dev.conform.checker.invariants.twopc.TwoPhaseTraceState.ABORTED;
import static dev.conform.checker.invariants.twopc.TwoPhaseTraceState.COMMITTED;
import static dev.conform.checker.invariants.twopc.TwoPhaseTraceState.INIT;
import static dev.conform.checker.invariants.twopc.TwoPhaseTraceState.NONE;
import static dev.conform.checker.invariants.twopc.TwoPhaseTraceState.PREPARED;
import static dev.conform.checker.invariants.twopc.TwoPhaseTraceState.WAITING;
import static dev.conform.checker.invariants.twopc.TwoPhaseTraceState.WORKING;

import dev.conform.checker.invariants.FoldException;
import java.util.Map;
import java.util.Set;

/**
 * The actions of {@code TwoPhase.tla}, one method per action, applied to a
 * {@link TwoPhaseTraceState}: each checks the action's guard, updates the variables and puts the
 * messages the action sends into {@code msgs} (the node's outbox), as the spec's action does.
 * {@link TwoPhaseFolder} feeds handlers the message delivered to the node. A guard that fails
 * throws {@link FoldException} naming it.
 */
final class TwoPhaseSteps {
    /** Handler action to the message type whose delivery it consumes (the trace spec's {@code Consumes}). */
    static final Map<String, Set<String>> CONSUMERS = Map.of(
            "TMRcvVote", Set.of(SpecMessage.VOTE),
            "TMRcvAck", Set.of(SpecMessage.ACK),
            "TMRcvDecisionRequest", Set.of(SpecMessage.DECISION_REQUEST),
            "TMRcvClientRequest", Set.of(SpecMessage.CLIENT_REQUEST),
            "RMVoteYes", Set.of(SpecMessage.PREPARE),
            "RMVoteNo", Set.of(SpecMessage.PREPARE),
            "RMRcvDecision", Set.of(SpecMessage.DECISION),
            "RMRcvDecisionRequest", Set.of(SpecMessage.DECISION_REQUEST),
            "ClientRcvReply", Set.of(SpecMessage.CLIENT_REPLY));

    private TwoPhaseSteps() {
    }

    // ---- coordinator

    static void coordinator(TwoPhaseTraceState s, String action, SpecMessage m) {
        int c = s.coordinator;
        if (!action.equals("TMRestart")) {
            require(s.tmUp, action, "the coordinator has not recovered (tmUp is FALSE)");
        }
        switch (action) {
            case "TMPrepare" -> {
                require(s.tmState.equals(INIT), action, "tmState = \"init\"");
                s.tmState = WAITING;
                s.participants.forEach(r -> send(s, SpecMessage.PREPARE, c, r, null));
            }
            case "TMRcvVote" -> {
                if (s.tmState.equals(WAITING) && m.flag()) {
                    s.tmPrepared.add(m.from());
                }
            }
            case "TMCommit" -> {
                require(s.tmState.equals(WAITING), action, "tmState = \"waiting\"");
                require(s.tmPrepared.equals(s.participants), action, "every participant's yes vote (tmPrepared = RM)");
                s.tmState = COMMITTED;
                announce(s, s.participants, true);
            }
            case "TMAbort" -> {
                require(s.tmState.equals(WAITING), action, "tmState = \"waiting\"");
                s.tmState = ABORTED;
                announce(s, s.participants, false);
            }
            case "TMRcvAck" -> {
                if (s.decided()) {
                    s.tmAcked.add(m.from());
                }
            }
            case "TMResend" -> {
                require(s.decided(), action, "a decision");
                require(!s.tmAcked.containsAll(s.participants), action, "a participant that has not acknowledged");
                java.util.SortedSet<Integer> missing = new java.util.TreeSet<>(s.participants);
                missing.removeAll(s.tmAcked);
                announce(s, missing, s.tmState.equals(COMMITTED));
            }
            case "TMRcvDecisionRequest" -> {
                if (s.decided()) {
                    send(s, SpecMessage.DECISION, c, m.from(), s.tmState.equals(COMMITTED));
                }
            }
            case "TMRcvClientRequest" -> {
                if (s.decided()) {
                    send(s, SpecMessage.CLIENT_REPLY, c, m.from(), s.tmState.equals(COMMITTED));
                }
            }
            case "TMRestart" -> {
                require(!s.tmUp, action, "a crashed coordinator");
                s.tmUp = true;
                String logged = s.tmState;
                if (logged.equals(WAITING)) {
                    s.tmState = ABORTED;
                }
                if (!logged.equals(INIT)) {
                    announce(s, s.participants, s.tmState.equals(COMMITTED));
                }
            }
            default -> throw new FoldException("the coordinator records " + action + ", which is no action of the coordinator");
        }
    }

    private static void announce(TwoPhaseTraceState s, Set<Integer> to, boolean commit) {
        to.forEach(r -> send(s, SpecMessage.DECISION, s.coordinator, r, commit));
    }

    // ---- participants

    static void participant(TwoPhaseTraceState s, int r, String action, SpecMessage m) {
        if (!action.equals("RMRestart")) {
            require(s.up(r), action, "participant " + r + " has not recovered (rmUp is FALSE)");
        }
        String st = s.rmState.get(r);
        switch (action) {
            case "RMVoteYes" -> {
                require(!st.equals(ABORTED), action, "rmState in {working, prepared, committed}");
                if (st.equals(WORKING)) {
                    s.rmState.put(r, PREPARED);
                }
                send(s, SpecMessage.VOTE, r, s.coordinator, true);
                s.yesVotes.add(r);
            }
            case "RMVoteNo" -> {
                require(st.equals(WORKING) || st.equals(ABORTED), action, "rmState in {working, aborted}");
                s.rmState.put(r, ABORTED);
                send(s, SpecMessage.VOTE, r, s.coordinator, false);
            }
            case "RMAbort" -> {
                require(st.equals(WORKING), action, "rmState = \"working\"");
                s.rmState.put(r, ABORTED);
            }
            case "RMRcvDecision" -> {
                if (!st.equals(COMMITTED) && !st.equals(ABORTED)) {
                    s.rmState.put(r, m.flag() ? COMMITTED : ABORTED);
                }
                send(s, SpecMessage.ACK, r, s.coordinator, null);
            }
            case "RMAsk" -> {
                require(st.equals(PREPARED), action, "rmState = \"prepared\"");
                send(s, SpecMessage.DECISION_REQUEST, r, s.coordinator, null);
                if (s.cooperative) {
                    for (int q : s.participants) {
                        if (q != r) {
                            send(s, SpecMessage.DECISION_REQUEST, r, q, null);
                        }
                    }
                }
            }
            case "RMRcvDecisionRequest" -> {
                if (st.equals(WORKING)) {
                    s.rmState.put(r, ABORTED);
                }
                String now = s.rmState.get(r);
                if (!now.equals(PREPARED)) {
                    send(s, SpecMessage.DECISION, r, m.from(), now.equals(COMMITTED));
                }
            }
            case "RMRestart" -> {
                require(!s.up(r), action, "a crashed participant");
                s.rmDown.remove(r);
                if (st.equals(WORKING)) {
                    s.rmState.put(r, ABORTED);
                }
            }
            default -> throw new FoldException("participant " + r + " records " + action
                    + ", which is no action of a participant");
        }
    }

    // ---- clients

    static void client(TwoPhaseTraceState s, int c, String action, SpecMessage m) {
        switch (action) {
            case "ClientAsk" -> {
                require(s.clientOutcome.get(c).equals(NONE), action, "a client without an answer");
                send(s, SpecMessage.CLIENT_REQUEST, c, s.coordinator, null);
            }
            case "ClientRcvReply" -> s.clientOutcome.put(c, m.flag() ? COMMITTED : ABORTED);
            default -> throw new FoldException("client " + c + " records " + action + ", which is no action of a client");
        }
    }

    // ---- helpers

    private static void send(TwoPhaseTraceState s, String type, int from, int to, Boolean flag) {
        s.msgs.add(new SpecMessage(type, from, to, flag));
    }

    private static void require(boolean guard, String action, String what) {
        if (!guard) {
            throw new FoldException(action + " needs " + what);
        }
    }
}
