package dev.conform.algorithms.twopc;

import java.util.Map;

/**
 * The durable records, one per node: what {@code ctx.persist} writes and what a restarted node
 * is rebuilt from. A runtime may hand the value back as the record itself or, after a trip
 * through JSON, as a map {@code {"state": "PREPARED"}}; both are accepted.
 */
public final class TwoPhaseLog {
    private TwoPhaseLog() {
    }

    /** The coordinator's log: WAITING means "begun, undecided". */
    public record Coordinator(TmState state) {
    }

    /** A participant's log. WORKING is written at first start so that a restart is recognised. */
    public record Participant(RmState state) {
    }

    static TmState coordinatorState(Object persisted) {
        if (persisted == null) {
            return null;
        }
        if (persisted instanceof Coordinator c) {
            return c.state();
        }
        return TmState.valueOf(stateField(persisted));
    }

    static RmState participantState(Object persisted) {
        if (persisted == null) {
            return null;
        }
        if (persisted instanceof Participant p) {
            return p.state();
        }
        return RmState.valueOf(stateField(persisted));
    }

    private static String stateField(Object persisted) {
        if (persisted instanceof Map<?, ?> m && m.get("state") instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("not a two-phase commit log record: " + persisted);
    }
}
