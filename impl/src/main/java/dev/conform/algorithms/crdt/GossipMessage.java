package dev.conform.algorithms.crdt;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Anti-entropy messages. A round is push-pull: the initiator pushes its whole state, the peer
 * merges it and replies with its own merged state, which the initiator merges in turn. Either
 * message may be lost, duplicated or reordered: merge is idempotent, commutative and
 * associative, so none of that can do harm.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = GossipMessage.Push.class, name = "Push"),
    @JsonSubTypes.Type(value = GossipMessage.Reply.class, name = "Reply")
})
public sealed interface GossipMessage permits GossipMessage.Push, GossipMessage.Reply {
    /** The sender's full CRDT state. */
    Crdt<?> state();

    /** The sender's clock at sending (HLC value, or its physical reading). */
    Timestamp clock();

    /** Per replica, how many client updates the sender's state includes. */
    SortedMap<Integer, Long> seen();

    /** Opens a gossip round. */
    record Push(Crdt<?> state, Timestamp clock, SortedMap<Integer, Long> seen) implements GossipMessage {
        public Push {
            seen = new TreeMap<>(seen);
        }
    }

    /** Answers a push with the peer's state after merging it. */
    record Reply(Crdt<?> state, Timestamp clock, SortedMap<Integer, Long> seen) implements GossipMessage {
        public Reply {
            seen = new TreeMap<>(seen);
        }
    }
}
