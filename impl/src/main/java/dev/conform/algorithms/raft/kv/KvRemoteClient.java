package dev.conform.algorithms.raft.kv;

import dev.conform.runtime.net.Frame;
import dev.conform.runtime.net.NetClient;
import java.util.List;

/**
 * Runs key-value commands against a cluster of real processes (Raft or Multi-Paxos, through the
 * algorithm's {@link KvClientProtocol}) over a {@link NetClient}.
 * Like {@link KvClientNode} it tries one server at a time, follows a redirect's leader hint at
 * once, moves on to the next server when a server cannot be reached or does not answer in time,
 * and reuses the same (client id, sequence number) on every retry, so a command is applied once
 * however often it is sent. It gives up at the deadline.
 */
public final class KvRemoteClient<M> {
    /** What became of one command. {@code leader} is the server that answered (0 when none did). */
    public record Outcome(boolean ok, String value, int leader, int attempts) {
    }

    private final KvClientProtocol<M> protocol;
    private final NetClient<M> net;
    private final List<Integer> servers;
    private final long answerMillis;
    private long seq;
    private int target;

    /**
     * @param answerMillis how long to wait for one server's answer before trying the next
     */
    public KvRemoteClient(KvClientProtocol<M> protocol, NetClient<M> net, List<Integer> servers, long answerMillis) {
        if (servers.isEmpty() || answerMillis < 1) {
            throw new IllegalArgumentException("a client needs servers and answerMillis >= 1");
        }
        this.protocol = protocol;
        this.net = net;
        this.servers = List.copyOf(servers);
        this.answerMillis = answerMillis;
        this.target = this.servers.get(0);
    }

    /** Runs {@code cmd} with the next sequence number; gives up (not ok) after {@code timeoutMillis}. */
    public Outcome execute(KvCommand cmd, long timeoutMillis) throws InterruptedException {
        long mySeq = ++seq;
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        int attempts = 0;
        int unreachableInARow = 0;
        while (System.nanoTime() < deadline) {
            attempts++;
            if (!net.send(target, protocol.request(net.self(), mySeq, cmd.encode()))) {
                target = nextServer(target);
                if (++unreachableInARow >= servers.size()) {
                    backOff(deadline); // nobody reachable: let the cluster come up before the next round
                    unreachableInARow = 0;
                }
                continue;
            }
            unreachableInARow = 0;
            KvClientProtocol.Reply reply = awaitReply(target, mySeq, deadline);
            if (reply == null) {
                target = nextServer(target); // silent or gone: ask another server
            } else if (reply.ok()) {
                return new Outcome(true, reply.value(), target, attempts);
            } else if (reply.leaderHint() != 0 && reply.leaderHint() != target) {
                target = reply.leaderHint();
            } else {
                backOff(deadline); // no leader known yet: an election is running
                target = nextServer(target);
            }
        }
        return new Outcome(false, null, 0, attempts);
    }

    @SuppressWarnings("unchecked")
    private KvClientProtocol.Reply awaitReply(int server, long mySeq, long deadline) {
        long until = Math.min(deadline, System.nanoTime() + answerMillis * 1_000_000L);
        while (true) {
            long left = (until - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            Frame f = net.receive(server, left);
            if (f == null) {
                return null;
            }
            KvClientProtocol.Reply r = protocol.reply((M) f.body());
            if (r != null && r.seq() == mySeq) {
                return r;
            }
            // an answer to an earlier command of this client: keep waiting
        }
    }

    private int nextServer(int s) {
        return servers.get((servers.indexOf(s) + 1) % servers.size());
    }

    private static void backOff(long deadline) throws InterruptedException {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        Thread.sleep(Math.max(0, Math.min(100, left)));
    }
}
