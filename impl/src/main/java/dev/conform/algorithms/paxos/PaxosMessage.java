package dev.conform.algorithms.paxos;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.conform.algorithms.raft.kv.KvClientProtocol;
import java.util.List;

/**
 * Every message of Multi-Paxos servers and their key-value clients. The record names are the
 * message types of the spec and of the trace ({@code "type"}); Jackson writes the name in a
 * {@code "type"} property so the TCP transport can read a message back. {@link ClientRequest}
 * and {@link ClientReply} have the fields of Raft's, so one client ({@code KvClientNode}) and one
 * linearizability check serve both algorithms.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PaxosMessage.Prepare.class, name = "Prepare"),
    @JsonSubTypes.Type(value = PaxosMessage.Promise.class, name = "Promise"),
    @JsonSubTypes.Type(value = PaxosMessage.Accept.class, name = "Accept"),
    @JsonSubTypes.Type(value = PaxosMessage.Accepted.class, name = "Accepted"),
    @JsonSubTypes.Type(value = PaxosMessage.Decide.class, name = "Decide"),
    @JsonSubTypes.Type(value = PaxosMessage.Heartbeat.class, name = "Heartbeat"),
    @JsonSubTypes.Type(value = PaxosMessage.CatchUp.class, name = "CatchUp"),
    @JsonSubTypes.Type(value = PaxosMessage.InstallSnapshot.class, name = "InstallSnapshot"),
    @JsonSubTypes.Type(value = PaxosMessage.Nack.class, name = "Nack"),
    @JsonSubTypes.Type(value = PaxosMessage.ClientRequest.class, name = "ClientRequest"),
    @JsonSubTypes.Type(value = PaxosMessage.ClientReply.class, name = "ClientReply"),
})
public sealed interface PaxosMessage {

    /** How a key-value client speaks to Paxos servers: {@link ClientRequest} and {@link ClientReply}. */
    KvClientProtocol<PaxosMessage> CLIENT_PROTOCOL = new KvClientProtocol<>() {
        @Override
        public PaxosMessage request(int clientId, long seq, String op) {
            return new ClientRequest(clientId, seq, op);
        }

        @Override
        public KvClientProtocol.Reply reply(PaxosMessage msg) {
            return msg instanceof ClientReply r ? new KvClientProtocol.Reply(r.seq(), r.ok(), r.value(), r.leaderHint())
                    : null;
        }
    };

    /** Phase 1a: a proposer asks for promises for {@code ballot}, for every slot at once. */
    record Prepare(long ballot) implements PaxosMessage {
    }

    /**
     * Phase 1b: the acceptor promised {@code ballot}; {@code accepted} is every (slot, ballot,
     * value) it accepted above its snapshot, {@code snapshotIndex} the slots it compacted.
     */
    record Promise(long ballot, List<Vote> accepted, long snapshotIndex) implements PaxosMessage {
        public Promise {
            accepted = List.copyOf(accepted);
        }
    }

    /** Phase 2a: the leader of {@code ballot} asks to accept {@code value} in {@code slot}. */
    record Accept(long ballot, long slot, String value) implements PaxosMessage {
    }

    /** Phase 2b: the acceptor accepted the leader's value for {@code slot} in {@code ballot}. */
    record Accepted(long ballot, long slot) implements PaxosMessage {
    }

    /** The leader tells a learner that {@code value} is chosen in {@code slot}. */
    record Decide(long slot, String value) implements PaxosMessage {
    }

    /** The leader of {@code ballot} is alive and has applied every slot up to {@code chosenUpTo}. */
    record Heartbeat(long ballot, long chosenUpTo) implements PaxosMessage {
    }

    /** A follower behind the leader's heartbeat asks for the chosen slots after {@code applied}. */
    record CatchUp(long ballot, long applied) implements PaxosMessage {
    }

    /** The applied state up to slot {@code index} ({@code state}: the store's snapshot text). */
    record InstallSnapshot(long ballot, long index, String state) implements PaxosMessage {
    }

    /** The receiver promised {@code ballot}, higher than the one the sender used. */
    record Nack(long ballot) implements PaxosMessage {
    }

    /** A client's command, as Raft's: {@code seq} numbers the client's commands from 1. */
    record ClientRequest(int clientId, long seq, String op) implements PaxosMessage {
    }

    /** The answer to a {@link ClientRequest}, as Raft's: not {@code ok} means "not the leader". */
    record ClientReply(long seq, boolean ok, String value, int leaderHint) implements PaxosMessage {
    }
}
