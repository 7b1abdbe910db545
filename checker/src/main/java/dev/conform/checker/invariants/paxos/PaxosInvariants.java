package dev.conform.checker.invariants.paxos;

import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java invariants of {@code paxos} traces, by the spec's names, over the state {@link PaxosFolder}
 * rebuilds (every vote ever cast, every server's recorded state, what was applied where):
 * <ul>
 * <li>{@code Agreement}: per slot at most one value is chosen (a majority of acceptors voted for
 *     it at one ballot), and every value a server records as chosen is that value;</li>
 * <li>{@code Validity}: every chosen value is {@code noop} or a command some client sent
 *     ({@code clientId:seq:op} of a ClientRequest);</li>
 * <li>{@code LogConsistency}: servers applied the same value in every slot both applied;</li>
 * <li>{@code SnapshotSafety}: no snapshot reaches past the prefix of slots chosen so far;</li>
 * <li>{@code AcceptedBelowPromise}: every vote's ballot is at most its acceptor's promise, and an
 *     acceptor never votes below the promise it held before the step;</li>
 * <li>{@code ValueChosen} (sometimes): some slot was chosen, so a run that chose nothing fails
 *     the gate's coverage.</li>
 * </ul>
 */
public final class PaxosInvariants implements InvariantSet<PaxosTraceState> {
    /** Handler actions and the message type each consumes (as the trace spec's NetConsume). */
    static final Map<String, String> HANDLERS = Map.ofEntries(
            Map.entry("HandlePrepare", "Prepare"),
            Map.entry("HandlePromise", "Promise"),
            Map.entry("HandleAccept", "Accept"),
            Map.entry("HandleAccepted", "Accepted"),
            Map.entry("HandleDecide", "Decide"),
            Map.entry("HandleHeartbeat", "Heartbeat"),
            Map.entry("HandleCatchUp", "CatchUp"),
            Map.entry("HandleInstallSnapshot", "InstallSnapshot"),
            Map.entry("HandleNack", "Nack"),
            Map.entry("Propose", "ClientRequest"),
            Map.entry("RedirectClient", "ClientRequest"),
            Map.entry("AnswerFromSession", "ClientRequest"));

    @Override
    public String algorithm() {
        return "paxos";
    }

    @Override
    public StateFolder<PaxosTraceState> folder() {
        return new PaxosFolder();
    }

    @Override
    public List<Invariant<PaxosTraceState>> invariants() {
        return List.of(
                Invariant.always("AcceptedBelowPromise", PaxosTraceState::acceptedBelowPromise),
                Invariant.always("Agreement", PaxosTraceState::agreement),
                Invariant.always("Validity", PaxosTraceState::validity),
                Invariant.always("LogConsistency", PaxosTraceState::logConsistency),
                Invariant.always("SnapshotSafety", PaxosTraceState::snapshotSafety),
                Invariant.sometimes("ValueChosen", PaxosTraceState::valueChosen));
    }

    @Override
    public Map<String, Set<String>> consumers() {
        Map<String, Set<String>> c = new HashMap<>();
        HANDLERS.forEach((action, type) -> c.put(action, Set.of(type)));
        return Map.copyOf(c);
    }
}
