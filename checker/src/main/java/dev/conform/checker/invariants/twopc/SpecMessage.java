package dev.conform.checker.invariants.twopc;

import dev.conform.checker.invariants.JsonObjects;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.checker.invariants.FoldException;
import dev.conform.tracing.TraceMessage;
import java.util.Map;

/**
 * A message as {@code TwoPhase.tla} sees it: type, ends and, for {@code Vote}, {@code Decision}
 * and {@code ClientReply}, its one field ({@code yes} or {@code commit}; null for the others).
 * The trace spec's {@code SpecMsg(m)}.
 */
record SpecMessage(String type, int from, int to, Boolean flag) {
    static final String PREPARE = "Prepare";
    static final String VOTE = "Vote";
    static final String DECISION = "Decision";
    static final String ACK = "Ack";
    static final String DECISION_REQUEST = "DecisionRequest";
    static final String CLIENT_REQUEST = "ClientRequest";
    static final String CLIENT_REPLY = "ClientReply";


    static SpecMessage of(TraceMessage m) {
        String field = switch (m.type()) {
            case VOTE -> "yes";
            case DECISION, CLIENT_REPLY -> "commit";
            case PREPARE, ACK, DECISION_REQUEST, CLIENT_REQUEST -> null;
            default -> throw new FoldException("message " + m.id() + " has type " + m.type()
                    + ", which two-phase commit does not send");
        };
        if (field == null) {
            return new SpecMessage(m.type(), m.from(), m.to(), null);
        }
        Object v = body(m).get(field);
        if (!(v instanceof Boolean b)) {
            throw new FoldException("message " + m.id() + " (" + m.type() + ") has no boolean " + field + ": " + m.body());
        }
        return new SpecMessage(m.type(), m.from(), m.to(), b);
    }

    /** Read from a file, a body is a map; recorded in memory it may be the producer's record. */
    private static Map<?, ?> body(TraceMessage m) {
        return JsonObjects.asMap(m.body(), "message " + m.id() + "'s body");
    }

    @Override
    public String toString() {
        return type + " " + from + " -> " + to + (flag == null ? "" : (VOTE.equals(type) ? " yes=" : " commit=") + flag);
    }
}
