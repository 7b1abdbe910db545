package dev.conform.algorithms.swim;

import java.util.List;

/** Messages of SWIM. {@code updates} lists membership updates, the sender's own entry first. */
public sealed interface SwimMessage {
    /** One membership update: {@code member} is {@code status} (alive, suspect, dead, left) at incarnation {@code inc}. */
    record Update(int member, String status, int inc) {
    }

    /** A probe (direct, or a helper's on behalf of a PingReq); {@code seq} is the sender's, per life. */
    record Ping(int seq, List<Update> updates) implements SwimMessage {
        public Ping {
            updates = List.copyOf(updates);
        }
    }

    /** Asks a helper to probe {@code target} for the sender and relay the Ack under {@code seq}. */
    record PingReq(int seq, int target, List<Update> updates) implements SwimMessage {
        public PingReq {
            updates = List.copyOf(updates);
        }
    }

    /** Answers the Ping {@code seq} (a helper relays it to the origin under the origin's seq). */
    record Ack(int seq, List<Update> updates) implements SwimMessage {
        public Ack {
            updates = List.copyOf(updates);
        }
    }

    /** A joiner asks the seed to admit it at incarnation {@code inc}. */
    record Join(int inc) implements SwimMessage {
    }

    /** The seed's answer to a Join: its own entry and its view. */
    record JoinAck(List<Update> members) implements SwimMessage {
        public JoinAck {
            members = List.copyOf(members);
        }
    }
}
