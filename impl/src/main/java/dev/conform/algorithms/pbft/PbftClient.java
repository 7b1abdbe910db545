package dev.conform.algorithms.pbft;

import dev.conform.algorithms.pbft.PbftMessage.ClientRequest;
import dev.conform.algorithms.pbft.PbftMessage.Reply;
import dev.conform.algorithms.raft.kv.KvClientNode;
import dev.conform.algorithms.raft.kv.KvCommand;
import dev.conform.algorithms.raft.kv.KvWorkload;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A PBFT client on the shared key-value workload ({@link KvWorkload}, seeded as
 * {@link KvClientNode#seeded}): one signed request at a time, numbered 1, 2, ..., sent to the
 * primary of the highest view it has seen in a Reply; on {@code retry} ticks without a result it
 * sends the same request to every replica. It accepts a result once f+1 replicas (distinct, each
 * Reply verified) sent the same one ({@code AcceptResult}); the flaw reply-f accepts after f.
 */
public final class PbftClient implements Node<PbftMessage> {
    static final String RETRY_TIMER = "retry";

    private final Quorums q;
    private final Signer signer;
    private final KeyRing keys;
    private final List<KvCommand> ops;
    private final long retryTicks;
    private final int needed;
    private final List<KvClientNode.Completed> history = new ArrayList<>();
    private final Map<Integer, String> replies = new TreeMap<>();
    private int next;
    private long view;

    public PbftClient(int id, List<Integer> servers, Options options) {
        PbftOptions o = PbftOptions.resolved(options);
        this.q = new Quorums(servers, false);
        this.signer = Keys.signer(o.keySeed(), id);
        this.keys = new KeyRing(o.keySeed());
        this.ops = KvWorkload.generate(KvClientNode.workloadSeed(options, id), id, o.ops(),
                options.getInt("keys", 3), options.getBoolean("appends", false));
        this.retryTicks = o.retry();
        this.needed = o.flaw(PbftFlaw.REPLY_F) ? q.f : q.f + 1;
    }

    @Override
    public void onStart(Context<PbftMessage> ctx) {
        replies.clear();
        send(ctx, false);
    }

    @Override
    public void onMessage(Context<PbftMessage> ctx, int from, PbftMessage msg) {
        if (!(msg instanceof Reply)) {
            if (ctx.tracing()) {
                ctx.action("Ignore", Map.of()); // a replica's message sent to a client: consumed, no change
            }
            return;
        }
        Reply r = (Reply) msg;
        if (done() || r.clientId() != ctx.self() || r.seq() != next + 1
                || !q.servers.contains(r.replica()) || !keys.verify(r)) {
            return; // not for the current request, or not authentic: nothing to accept
        }
        view = Math.max(view, r.view());
        replies.put(r.replica(), r.result());
        int matching = 0;
        for (String v : replies.values()) {
            if (Objects.equals(v, r.result())) {
                matching++;
            }
        }
        if (matching < needed) {
            return;
        }
        history.add(new KvClientNode.Completed(r.seq(), ops.get(next), r.result()));
        next++;
        replies.clear();
        if (ctx.tracing()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("seq", r.seq());
            s.put("value", r.result());
            ctx.action("AcceptResult", s);
        }
        send(ctx, false);
    }

    @Override
    public void onTimer(Context<PbftMessage> ctx, String timer) {
        if (RETRY_TIMER.equals(timer) && !done()) {
            send(ctx, true);
        }
    }

    private void send(Context<PbftMessage> ctx, boolean all) {
        if (done()) {
            ctx.cancelTimer(RETRY_TIMER);
            return;
        }
        long seq = next + 1;
        String op = ops.get(next).encode();
        ClientRequest req = signer.sign(new ClientRequest(ctx.self(), seq, op,
                Digests.request(ctx.self(), seq, op), null));
        if (all) {
            for (int s : q.servers) {
                ctx.send(s, req);
            }
        } else {
            ctx.send(q.primary(view), req);
        }
        ctx.setTimer(RETRY_TIMER, retryTicks, retryTicks);
    }

    public boolean done() {
        return next >= ops.size();
    }

    public int completed() {
        return next;
    }

    public List<KvClientNode.Completed> history() {
        return List.copyOf(history);
    }
}
