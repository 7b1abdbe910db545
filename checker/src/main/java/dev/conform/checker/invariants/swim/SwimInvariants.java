package dev.conform.checker.invariants.swim;

import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java invariants of {@code swim} traces (specs/swim), by the spec's names:
 * <ul>
 * <li>{@code IncarnationMonotonic}: a member's own incarnation never decreases (restarts included),
 *     nor does any view entry's, except when its holder restarts;</li>
 * <li>{@code ViewPrecedence}: every view change a receive makes is an override by the precedence,
 *     and no overriding update is ignored;</li>
 * <li>{@code RefuteWithHigherIncarnation}: a Refute raises the incarnation above the suspicion it
 *     answers, and no Alive replaces a Suspect or Dead at the same incarnation;</li>
 * <li>{@code SuspectBeforeDead}: a Confirm happens only when its suspicion timer {@code suspect-<q>}
 *     fires with q still suspect at the incarnation it declares dead (the timer runs the
 *     {@code suspectTimeout}; a higher incarnation learned meanwhile ends the suspicion), and every
 *     Dead on the wire comes from such a Confirm;</li>
 * <li>{@code SwimQuiet} (at the end, as the trace spec's end condition): no member still owes a
 *     send of its last action or a Refute;</li>
 * <li>sometimes {@code Suspected}, {@code Refuted}, {@code Confirmed}, {@code Joined}, {@code Left}:
 *     runs that never exercise a stage of the protocol are reported by the gate's coverage.</li>
 * </ul>
 * Accuracy and Completeness are judged by TLC (MCSwimAccuracy, MCSwimLive) and by the chaos tests'
 * stop condition.
 */
public final class SwimInvariants implements InvariantSet<SwimTraceState> {
    /** Handler actions and the deliveries they consume; Discard takes any message at a member that has left. */
    static final Map<String, Set<String>> CONSUMERS = Map.of(
            "HandlePing", Set.of("Ping"),
            "HandlePingReq", Set.of("PingReq"),
            "HandleAck", Set.of("Ack"),
            "HandleJoin", Set.of("Join"),
            "HandleJoinAck", Set.of("JoinAck"),
            "Discard", Set.of("Ping", "PingReq", "Ack", "Join", "JoinAck"));

    @Override
    public String algorithm() {
        return "swim";
    }

    @Override
    public StateFolder<SwimTraceState> folder() {
        return new SwimFolder();
    }

    @Override
    public List<Invariant<SwimTraceState>> invariants() {
        return List.of(
                Invariant.always("IncarnationMonotonic", s -> s.holds("IncarnationMonotonic")),
                Invariant.always("ViewPrecedence", s -> s.holds("ViewPrecedence")),
                Invariant.always("RefuteWithHigherIncarnation", s -> s.holds("RefuteWithHigherIncarnation")),
                Invariant.always("SuspectBeforeDead", s -> s.holds("SuspectBeforeDead")),
                Invariant.atEnd("SwimQuiet", SwimTraceState::quiet),
                Invariant.sometimes("Suspected", s -> s.suspectedSome),
                Invariant.sometimes("Refuted", s -> s.refutedSome),
                Invariant.sometimes("Confirmed", s -> s.confirmedSome),
                Invariant.sometimes("Joined", s -> s.joinedSome),
                Invariant.sometimes("Left", s -> s.leftSome));
    }

    @Override
    public Map<String, Set<String>> consumers() {
        return CONSUMERS;
    }
}
