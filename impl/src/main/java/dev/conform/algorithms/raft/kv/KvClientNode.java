package dev.conform.algorithms.raft.kv;

import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A key-value client: sends its commands one at a time, numbered 1, 2, ..., to the server it
 * believes leads; follows a redirect's leader hint at once, and on timeout (or a redirect
 * without hint, at the next timeout) tries the next server. The same sequence number is reused
 * on every retry, so the servers' session table applies each command once.
 *
 * <p>The workload is fixed at construction (see {@link KvWorkload}): the node draws no random
 * numbers. A client rebuilt after a crash starts over at sequence 1 with the same commands; the
 * sessions return the stored result for the last applied one and null for older ones.
 */
public final class KvClientNode implements Node<RaftMessage> {
    static final String RETRY_TIMER = "retry";

    /** One completed command, in completion order. */
    public record Completed(long seq, KvCommand op, String result) {
    }

    private final List<Integer> servers;
    private final List<KvCommand> ops;
    private final long retryTicks;
    private final List<Completed> history = new ArrayList<>();
    private int next;
    private int target;

    /**
     * @param servers    the Raft servers' ids
     * @param ops        the commands to issue, in order
     * @param retryTicks how long to wait for an answer before trying another server
     */
    public KvClientNode(List<Integer> servers, List<KvCommand> ops, long retryTicks) {
        if (servers.isEmpty() || retryTicks < 1) {
            throw new IllegalArgumentException("a client needs servers and retryTicks >= 1");
        }
        this.servers = List.copyOf(servers);
        this.ops = List.copyOf(ops);
        this.retryTicks = retryTicks;
    }

    /** A client with a {@link KvWorkload} of {@code count} commands over {@code keys} keys. */
    public static KvClientNode seeded(int clientId, List<Integer> servers, long seed, int count,
                                      int keys, long retryTicks) {
        return seeded(clientId, servers, seed, count, keys, false, retryTicks);
    }

    /** As above, with half the puts turned into appends when {@code appends} is set. */
    public static KvClientNode seeded(int clientId, List<Integer> servers, long seed, int count,
                                      int keys, boolean appends, long retryTicks) {
        return new KvClientNode(servers, KvWorkload.generate(seed, clientId, count, keys, appends), retryTicks);
    }

    @Override
    public void onStart(Context<RaftMessage> ctx) {
        target = servers.get(Math.floorMod(ctx.self(), servers.size()));
        sendCurrent(ctx);
    }

    @Override
    public void onMessage(Context<RaftMessage> ctx, int from, RaftMessage msg) {
        if (!(msg instanceof RaftMessage.ClientReply r) || done() || r.seq() != next + 1) {
            return; // an answer to an earlier attempt, or not for a client
        }
        if (r.ok()) {
            history.add(new Completed(r.seq(), ops.get(next), r.value()));
            next++;
            sendCurrent(ctx);
        } else if (r.leaderHint() != 0 && r.leaderHint() != target) {
            target = r.leaderHint();
            sendCurrent(ctx);
        }
        // A redirect without a usable hint: the retry timer moves on to another server.
    }

    @Override
    public void onTimer(Context<RaftMessage> ctx, String timer) {
        if (RETRY_TIMER.equals(timer) && !done()) {
            target = servers.get((servers.indexOf(target) + 1) % servers.size());
            sendCurrent(ctx);
        }
    }

    private void sendCurrent(Context<RaftMessage> ctx) {
        if (done()) {
            ctx.cancelTimer(RETRY_TIMER);
            return;
        }
        ctx.send(target, new RaftMessage.ClientRequest(ctx.self(), next + 1, ops.get(next).encode()));
        ctx.setTimer(RETRY_TIMER, retryTicks, retryTicks);
    }

    /** True once every command completed. */
    public boolean done() {
        return next >= ops.size();
    }

    /** The completed commands with their results. */
    public List<Completed> history() {
        return List.copyOf(history);
    }

    /** The whole workload. */
    public List<KvCommand> workload() {
        return ops;
    }
}
