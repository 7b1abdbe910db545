package dev.conform.algorithms.crdt;

import dev.conform.runtime.Context;
import dev.conform.runtime.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A replica of one CRDT, updated by a seeded client workload and kept in sync with its peers by
 * push-pull anti-entropy gossip.
 *
 * <p>Timers: {@code update} applies the next client request (until
 * {@link CrdtOptions#updatesPerReplica()} are done); {@code gossip} starts a round with
 * {@link CrdtOptions#fanout()} peers drawn from a seeded source; {@code read} serves a client read
 * (action {@code Read}, recording the replica's {@link Crdt#read()}: the merge of everything it has
 * seen), on the gossip period. Trace actions, named after the
 * TLA+ actions: the update's name (Increment, Decrement, Assign, Put, Add, Remove), SendGossip
 * (once per message sent, pushes and replies alike) and ReceiveGossip (after a merge). Each
 * carries a {@link ReplicaSnapshot}. Every state change is persisted before anything is sent,
 * so a restarted replica never goes down the lattice.
 */
public final class GossipReplicaNode implements Node<GossipMessage> {
    public static final String UPDATE_TIMER = "update";
    public static final String GOSSIP_TIMER = "gossip";
    public static final String READ_TIMER = "read";

    private final int id;
    private final CrdtOptions opts;
    private final ClientWorkload workload;
    private final SplittableRandom peers;
    private Crdt<?> state;
    private HybridLogicalClock hlc;
    private Timestamp lastPhysical;
    private final TreeMap<Integer, Long> seen = new TreeMap<>();
    private long updates;

    /**
     * @param id        this node's id
     * @param opts      cluster settings (seed included)
     * @param persisted the snapshot persisted before a crash, or null on first start
     */
    public GossipReplicaNode(int id, CrdtOptions opts, ReplicaSnapshot persisted) {
        this.id = id;
        this.opts = opts;
        this.workload = new ClientWorkload(opts.kind(), id, opts.keys(), opts.seed());
        long restarts = persisted == null ? 0 : persisted.updates() + 1;
        this.peers = new SplittableRandom(opts.seed() ^ (0x5DEECE66DL * (id + 1)) ^ (restarts << 32));
        if (persisted == null) {
            state = opts.kind().empty();
            hlc = HybridLogicalClock.start();
            lastPhysical = Timestamp.ZERO;
        } else {
            state = persisted.crdt();
            hlc = new HybridLogicalClock(persisted.clock().wall(), persisted.clock().logical());
            lastPhysical = persisted.clock();
            seen.putAll(persisted.seen());
            updates = persisted.updates();
        }
    }

    /** The current CRDT value. */
    public Crdt<?> state() {
        return state;
    }

    /** Client updates applied here so far. */
    public long updates() {
        return updates;
    }

    @Override
    public void onStart(Context<GossipMessage> ctx) {
        if (updates < opts.updatesPerReplica()) {
            ctx.setTimer(UPDATE_TIMER, opts.updateMinTicks(), opts.updateMaxTicks());
        }
        if (ctx.nodes().size() > 1) {
            ctx.setTimer(GOSSIP_TIMER, opts.gossipMinTicks(), opts.gossipMaxTicks());
        }
        ctx.setTimer(READ_TIMER, opts.gossipMinTicks(), opts.gossipMaxTicks());
    }

    @Override
    public void onTimer(Context<GossipMessage> ctx, String timer) {
        switch (timer) {
            case UPDATE_TIMER -> {
                applyClientUpdate(ctx);
                if (updates < opts.updatesPerReplica()) {
                    ctx.setTimer(UPDATE_TIMER, opts.updateMinTicks(), opts.updateMaxTicks());
                }
            }
            case GOSSIP_TIMER -> {
                for (int peer : choosePeers(ctx.nodes())) {
                    send(ctx, peer, true);
                }
                ctx.setTimer(GOSSIP_TIMER, opts.gossipMinTicks(), opts.gossipMaxTicks());
            }
            case READ_TIMER -> {
                if (ctx.tracing()) {
                    ctx.action("Read", new ReadResult(opts.kind().flag(), state.read()));
                }
                ctx.setTimer(READ_TIMER, opts.gossipMinTicks(), opts.gossipMaxTicks());
            }
            default -> throw new IllegalStateException("unknown timer " + timer);
        }
    }

    @Override
    public void onMessage(Context<GossipMessage> ctx, int from, GossipMessage msg) {
        if (opts.clock() == ClockMode.HLC) {
            hlc = hlc.receive(msg.clock(), ctx.localTime());
        }
        state = Crdt.mergeAny(state, msg.state());
        msg.seen().forEach((k, v) -> seen.merge(k, v, Math::max));
        ctx.persist(snapshot(null));
        if (ctx.tracing()) {
            ctx.action("ReceiveGossip", snapshot(null));
        }
        if (msg instanceof GossipMessage.Push) {
            send(ctx, from, false);
        }
    }

    private void send(Context<GossipMessage> ctx, int to, boolean push) {
        Timestamp clock = stamp(ctx);
        if (ctx.tracing()) {
            ctx.action("SendGossip", snapshot(null));
        }
        GossipMessage m = push
            ? new GossipMessage.Push(state, clock, seen)
            : new GossipMessage.Reply(state, clock, seen);
        ctx.send(to, m);
    }

    /** The timestamp of a new local event (update or send), advancing the HLC in HLC mode. */
    private Timestamp stamp(Context<GossipMessage> ctx) {
        if (opts.clock() == ClockMode.HLC) {
            hlc = hlc.tick(ctx.localTime());
            return hlc.stamp(id);
        }
        lastPhysical = new Timestamp(ctx.localTime(), 0, id);
        return lastPhysical;
    }

    private List<Integer> choosePeers(List<Integer> nodes) {
        List<Integer> others = new ArrayList<>();
        for (int n : nodes) {
            if (n != id) {
                others.add(n);
            }
        }
        int k = Math.min(opts.fanout(), others.size());
        for (int i = 0; i < k; i++) { // partial Fisher-Yates: the first k are a uniform sample
            int j = i + peers.nextInt(others.size() - i);
            Integer t = others.get(i);
            others.set(i, others.get(j));
            others.set(j, t);
        }
        return others.subList(0, k);
    }

    private void applyClientUpdate(Context<GossipMessage> ctx) {
        Set<String> present = state instanceof ORSet s ? s.elements() : Set.of();
        ClientUpdate u = workload.request(updates, present);
        SortedMap<Integer, Long> deps = new TreeMap<>(seen);
        WriteRecord write = null;
        Crdt<?> next;
        switch (opts.kind()) {
            case G_COUNTER -> next = ((GCounter) state).increment(id, u.amount());
            case PN_COUNTER -> next = ((PNCounter) state).add(id, u.amount());
            case OR_SET -> next = u.action().equals("Add")
                ? ((ORSet) state).add(id, u.key())
                : ((ORSet) state).remove(u.key());
            case LWW_REGISTER -> {
                Timestamp ts = stamp(ctx);
                LWWRegister before = (LWWRegister) state;
                LWWRegister after = before.assign(u.value(), ts);
                write = writeRecord(u, ts, before, after, deps);
                next = after;
            }
            case LWW_MAP -> {
                Timestamp ts = stamp(ctx);
                LWWMap map = (LWWMap) state;
                LWWMap after = map.put(u.key(), u.value(), ts);
                write = writeRecord(u, ts, map.register(u.key()), after.register(u.key()), deps);
                next = after;
            }
            default -> throw new IllegalStateException(opts.kind().toString());
        }
        state = next;
        updates++;
        seen.put(id, updates);
        ctx.persist(snapshot(null));
        if (ctx.tracing()) {
            ctx.action(u.action(), snapshot(write));
        }
    }

    private WriteRecord writeRecord(ClientUpdate u, Timestamp ts, LWWRegister before, LWWRegister after,
                                    SortedMap<Integer, Long> deps) {
        Timestamp pred = before.ts().equals(Timestamp.ZERO) ? null : before.ts();
        boolean applied = after.sameWrite(new LWWRegister(u.value(), ts));
        return new WriteRecord(id, updates + 1, u.key(), u.value(), ts, pred, deps, applied);
    }

    private ReplicaSnapshot snapshot(WriteRecord write) {
        Timestamp clock = opts.clock() == ClockMode.HLC ? hlc.stamp(id) : lastPhysical;
        return new ReplicaSnapshot(state, clock, seen, updates, write);
    }
}
