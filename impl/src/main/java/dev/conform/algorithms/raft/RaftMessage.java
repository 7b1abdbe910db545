package dev.conform.algorithms.raft;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.conform.algorithms.raft.kv.KvClientProtocol;
import java.util.List;

/**
 * Every message a Raft server or a key-value client sends: the {@link ServerMessage}s of the
 * protocol, each with its term, and the client's request and reply. The record names are the
 * message types of the spec ({@code mtype}) and of the trace ({@code "type"}); Jackson writes the
 * name in a {@code "type"} property so the TCP transport can read a message back.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RaftMessage.RequestVote.class, name = "RequestVote"),
    @JsonSubTypes.Type(value = RaftMessage.RequestVoteResponse.class, name = "RequestVoteResponse"),
    @JsonSubTypes.Type(value = RaftMessage.AppendEntries.class, name = "AppendEntries"),
    @JsonSubTypes.Type(value = RaftMessage.AppendEntriesResponse.class, name = "AppendEntriesResponse"),
    @JsonSubTypes.Type(value = RaftMessage.InstallSnapshot.class, name = "InstallSnapshot"),
    @JsonSubTypes.Type(value = RaftMessage.InstallSnapshotResponse.class,
            name = "InstallSnapshotResponse"),
    @JsonSubTypes.Type(value = RaftMessage.ClientRequest.class, name = "ClientRequest"),
    @JsonSubTypes.Type(value = RaftMessage.ClientReply.class, name = "ClientReply"),
})
public sealed interface RaftMessage {

    /** How a key-value client speaks to Raft servers: {@link ClientRequest} and {@link ClientReply}. */
    KvClientProtocol<RaftMessage> CLIENT_PROTOCOL = new KvClientProtocol<>() {
        @Override
        public RaftMessage request(int clientId, long seq, String op) {
            return new ClientRequest(clientId, seq, op);
        }

        @Override
        public KvClientProtocol.Reply reply(RaftMessage msg) {
            return msg instanceof ClientReply r ? new KvClientProtocol.Reply(r.seq(), r.ok(), r.value(), r.leaderHint())
                    : null;
        }
    };

    /**
     * A message between servers. Each carries its sender's term: a receiver first moves to a
     * higher term (UpdateTerm), and an answer to a message of an older term tells its sender to
     * step down.
     */
    sealed interface ServerMessage extends RaftMessage {
        long term();
    }

    /** A candidate asks for a vote in {@code term}, describing the end of its log. */
    record RequestVote(long term, long lastLogIndex, long lastLogTerm) implements ServerMessage {
    }

    /** A server's answer to {@link RequestVote}. */
    record RequestVoteResponse(long term, boolean voteGranted) implements ServerMessage {
    }

    /**
     * The leader's replication and heartbeat message: {@code entries} go after index
     * {@code prevLogIndex}, whose entry must have term {@code prevLogTerm} at the receiver.
     */
    record AppendEntries(long term, long prevLogIndex, long prevLogTerm, List<LogEntry> entries,
                         long leaderCommit) implements ServerMessage {
        public AppendEntries {
            entries = List.copyOf(entries);
        }
    }

    /**
     * A follower's answer to {@link AppendEntries}. On success {@code matchIndex} is the index of
     * the last entry known to match the leader's log; on failure it is the follower's last log
     * index, a hint that lets the leader skip back faster than one entry per round trip.
     */
    record AppendEntriesResponse(long term, boolean success, long matchIndex)
            implements ServerMessage {
    }

    /**
     * The leader sends its snapshot to a follower whose next needed entry was compacted away.
     * {@code data} is the state machine's snapshot text.
     */
    record InstallSnapshot(long term, long lastIncludedIndex, long lastIncludedTerm, String data)
            implements ServerMessage {
    }

    /** A follower's answer to {@link InstallSnapshot}: its log now matches up to matchIndex. */
    record InstallSnapshotResponse(long term, long matchIndex) implements ServerMessage {
    }

    /**
     * A client's command. {@code seq} numbers the client's commands from 1; the pair
     * (clientId, seq) lets the state machine apply a retried command only once.
     */
    record ClientRequest(int clientId, long seq, String op) implements RaftMessage {
    }

    /**
     * The answer to a {@link ClientRequest}. {@code ok} is true when the command was committed and
     * applied, with {@code value} its result (may be null); false means "not the leader": try
     * {@code leaderHint} (0 when unknown).
     */
    record ClientReply(long seq, boolean ok, String value, int leaderHint) implements RaftMessage {
    }
}
