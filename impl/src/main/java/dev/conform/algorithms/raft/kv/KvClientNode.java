package dev.conform.algorithms.raft.kv;

import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
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
 *
 * <p>The messages are the algorithm's, through a {@link KvClientProtocol}: Raft's
 * ({@link RaftMessage#CLIENT_PROTOCOL}) or Multi-Paxos's.
 *
 * @param <M> the algorithm's message type
 */
public final class KvClientNode<M> implements Node<M> {
    static final String RETRY_TIMER = "retry";

    /** One completed command, in completion order. */
    public record Completed(long seq, KvCommand op, String result) {
    }

    private final KvClientProtocol<M> protocol;
    private final List<Integer> servers;
    private final List<KvCommand> ops;
    private final long retryTicks;
    private final List<Completed> history = new ArrayList<>();
    private int next;
    private int target;

    /**
     * @param protocol   the algorithm's client request and reply messages
     * @param servers    the servers' ids
     * @param ops        the commands to issue, in order
     * @param retryTicks how long to wait for an answer before trying another server
     */
    public KvClientNode(KvClientProtocol<M> protocol, List<Integer> servers, List<KvCommand> ops, long retryTicks) {
        if (servers.isEmpty() || retryTicks < 1) {
            throw new IllegalArgumentException("a client needs servers and retryTicks >= 1");
        }
        this.protocol = protocol;
        this.servers = List.copyOf(servers);
        this.ops = List.copyOf(ops);
        this.retryTicks = retryTicks;
    }

    /**
     * A client with a {@link KvWorkload} of {@code count} commands over {@code keys} keys, half
     * the puts turned into appends when {@code appends} is set.
     */
    public static <M> KvClientNode<M> seeded(KvClientProtocol<M> protocol, int clientId, List<Integer> servers,
                                             long seed, int count, int keys, boolean appends, long retryTicks) {
        return new KvClientNode<>(protocol, servers, KvWorkload.generate(seed, clientId, count, keys, appends),
                retryTicks);
    }

    /**
     * The client {@code clientId} of a run with {@code options}: {@code ops} commands (10) over
     * {@code keys} keys (3), {@code appends} (false), retried after {@code retry} ticks (400), from
     * the seed {@code workloadSeed * 1000003 + clientId} ({@code workloadSeed} 1). Raft and Paxos
     * read the same options, so the same run options give both the same work.
     */
    public static <M> KvClientNode<M> seeded(KvClientProtocol<M> protocol, int clientId, List<Integer> servers,
                                             Options options) {
        return seeded(protocol, clientId, servers, workloadSeed(options, clientId), options.getInt("ops", 10),
                options.getInt("keys", 3),
                options.getBoolean("appends", false), options.getLong("retry", 400));
    }

    /** The seed of client {@code clientId}'s workload in a run with {@code options}. */
    public static long workloadSeed(Options options, int clientId) {
        return options.getLong("workloadSeed", 1) * 1_000_003L + clientId;
    }

    /** Stops a run once each of its {@code clients} finished its workload (never, without clients). */
    public static <M> StopCondition<M> allDone(int clients) {
        if (clients == 0) {
            return null;
        }
        return cluster -> {
            for (int c : cluster.clients()) {
                if (!(cluster.node(c) instanceof KvClientNode<?> k) || !k.done()) {
                    return false;
                }
            }
            return true;
        };
    }

    @Override
    public void onStart(Context<M> ctx) {
        target = servers.get(Math.floorMod(ctx.self(), servers.size()));
        sendCurrent(ctx);
    }

    @Override
    public void onMessage(Context<M> ctx, int from, M msg) {
        KvClientProtocol.Reply r = protocol.reply(msg);
        if (r == null || done() || r.seq() != next + 1) {
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
    public void onTimer(Context<M> ctx, String timer) {
        if (RETRY_TIMER.equals(timer) && !done()) {
            target = servers.get((servers.indexOf(target) + 1) % servers.size());
            sendCurrent(ctx);
        }
    }

    private void sendCurrent(Context<M> ctx) {
        if (done()) {
            ctx.cancelTimer(RETRY_TIMER);
            return;
        }
        ctx.send(target, protocol.request(ctx.self(), next + 1, ops.get(next).encode()));
        ctx.setTimer(RETRY_TIMER, retryTicks, retryTicks);
    }

    /** True once every command completed. */
    public boolean done() {
        return next >= ops.size();
    }

    /** How many commands completed so far; cheap enough to read after every simulator step. */
    public int completed() {
        return next;
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
