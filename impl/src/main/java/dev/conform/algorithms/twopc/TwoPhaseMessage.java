package dev.conform.algorithms.twopc;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The messages of two-phase commit. The JSON type names are the TLA+ message types of
 * {@code specs/twopc/TwoPhase.tla}, and the record fields are the message fields there.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TwoPhaseMessage.Prepare.class, name = "Prepare"),
    @JsonSubTypes.Type(value = TwoPhaseMessage.Vote.class, name = "Vote"),
    @JsonSubTypes.Type(value = TwoPhaseMessage.Decision.class, name = "Decision"),
    @JsonSubTypes.Type(value = TwoPhaseMessage.Ack.class, name = "Ack"),
    @JsonSubTypes.Type(value = TwoPhaseMessage.DecisionRequest.class, name = "DecisionRequest"),
    @JsonSubTypes.Type(value = TwoPhaseMessage.ClientRequest.class, name = "ClientRequest"),
    @JsonSubTypes.Type(value = TwoPhaseMessage.ClientReply.class, name = "ClientReply"),
})
public sealed interface TwoPhaseMessage {

    /** Coordinator to participant: phase one, get ready to commit and vote. */
    record Prepare() implements TwoPhaseMessage {
    }

    /** Participant to coordinator: the vote, sent only after it is on disk. */
    record Vote(boolean yes) implements TwoPhaseMessage {
    }

    /**
     * The outcome: from the coordinator (phase two), or from a peer answering a
     * {@link DecisionRequest} under cooperative termination.
     */
    record Decision(boolean commit) implements TwoPhaseMessage {
    }

    /** Participant to coordinator: the decision is on disk, no need to send it again. */
    record Ack() implements TwoPhaseMessage {
    }

    /** An uncertain participant asks the coordinator (and, cooperatively, its peers). */
    record DecisionRequest() implements TwoPhaseMessage {
    }

    /** Client to coordinator: what is the outcome of the transaction? */
    record ClientRequest() implements TwoPhaseMessage {
    }

    /** Coordinator to client: the logged decision (a coordinator that has not decided stays silent). */
    record ClientReply(boolean commit) implements TwoPhaseMessage {
    }
}
