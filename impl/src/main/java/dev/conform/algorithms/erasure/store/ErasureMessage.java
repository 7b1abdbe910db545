package dev.conform.algorithms.erasure.store;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.conform.algorithms.raft.kv.KvClientProtocol;

/**
 * Every message of the erasure-coded store and its key-value clients; the record names are the
 * message types of the spec and of the trace. Shard bytes travel as lowercase hex ({@code data}),
 * with the length of the value they encode ({@code length}), which decoding needs.
 * {@link ClientRequest} and {@link ClientReply} have the fields of Raft's and Multi-Paxos's, so
 * the shared client and the key-value linearizability check serve this store unchanged.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ErasureMessage.ClientRequest.class, name = "ClientRequest"),
    @JsonSubTypes.Type(value = ErasureMessage.ClientReply.class, name = "ClientReply"),
    @JsonSubTypes.Type(value = ErasureMessage.Store.class, name = "Store"),
    @JsonSubTypes.Type(value = ErasureMessage.StoreAck.class, name = "StoreAck"),
    @JsonSubTypes.Type(value = ErasureMessage.Commit.class, name = "Commit"),
    @JsonSubTypes.Type(value = ErasureMessage.Fetch.class, name = "Fetch"),
    @JsonSubTypes.Type(value = ErasureMessage.ShardReply.class, name = "ShardReply"),
})
public sealed interface ErasureMessage {

    /** How a key-value client speaks to the coordinator. */
    KvClientProtocol<ErasureMessage> CLIENT_PROTOCOL = new KvClientProtocol<>() {
        @Override
        public ErasureMessage request(int clientId, long seq, String op) {
            return new ClientRequest(clientId, seq, op);
        }

        @Override
        public KvClientProtocol.Reply reply(ErasureMessage msg) {
            return msg instanceof ClientReply r ? new KvClientProtocol.Reply(r.seq(), r.ok(), r.value(), r.leaderHint())
                    : null;
        }
    };

    /** Fetch purposes. */
    String READ = "read";
    String REPAIR = "repair";

    /** A client's command ({@code put K V} or {@code get K}); {@code seq} numbers its commands from 1. */
    record ClientRequest(int clientId, long seq, String op) implements ErasureMessage {
    }

    /** The answer to a {@link ClientRequest}: a get's value (null for a key never written), null for a put. */
    record ClientReply(long seq, boolean ok, String value, int leaderHint) implements ErasureMessage {
    }

    /** Coordinator to storage: shard {@code index} of version {@code version} of {@code key} (a write or a repair). */
    record Store(String key, long version, int index, String data, int length) implements ErasureMessage {
    }

    /** Storage to coordinator: the shard is durable. */
    record StoreAck(String key, long version, int index) implements ErasureMessage {
    }

    /** Coordinator to storage: {@code version} is acknowledged; older versions of {@code key} may go. */
    record Commit(String key, long version) implements ErasureMessage {
    }

    /** Coordinator to storage: send your shard of exactly ({@code key}, {@code version}); purpose "read" or "repair". */
    record Fetch(String key, long version, String purpose) implements ErasureMessage {
    }

    /** Storage to coordinator: its shard of (key, version), or {@code data ""} and {@code length -1} when it holds none. */
    record ShardReply(String key, long version, int index, String data, int length) implements ErasureMessage {
        /** True when the node holds no shard of that version. */
        public boolean none() {
            return length < 0;
        }
    }
}
