package dev.conform.algorithms.raft.kv;

/**
 * How a key-value client talks to the servers of one replicated service: the request it sends
 * and the replies it reads. Raft and Multi-Paxos each have their own message family (a sealed
 * interface per algorithm), but the same {@code ClientRequest(clientId, seq, op)} and
 * {@code ClientReply(seq, ok, value, leaderHint)} in it, so one client drives both.
 *
 * @param <M> the algorithm's message type
 */
public interface KvClientProtocol<M> {
    /** The request for command {@code seq} of client {@code clientId}; {@code op} as {@link KvCommand#encode()}. */
    M request(int clientId, long seq, String op);

    /** The reply {@code msg} carries, or null when {@code msg} is not a client reply. */
    Reply reply(M msg);

    /**
     * A server's answer: {@code ok} with the command's result {@code value}, or not the leader
     * (try {@code leaderHint}, 0 when unknown).
     */
    record Reply(long seq, boolean ok, String value, int leaderHint) {
    }
}
