package dev.conform.algorithms.broadcast;

import dev.conform.algorithms.broadcast.BroadcastMessage.Ack;
import dev.conform.algorithms.broadcast.BroadcastMessage.Data;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One server of eager reliable FIFO broadcast with acknowledgements and retransmission. See the
 * package documentation for the protocol and its spec actions.
 */
public final class BroadcastNode implements Node<BroadcastMessage> {
    static final String ORIGINATE = "originate";
    static final String RETRANSMIT = "retransmit";

    private final int id;
    private final List<Integer> servers;
    private final int count;
    private final long retransmitTicks;
    private final boolean relay;
    private final boolean retransmit;

    private int nextSeq;
    /** Per origin: values delivered so far (FIFO, so the next expected is count + 1). */
    private final TreeMap<Integer, Integer> delivered = new TreeMap<>();
    /** Per origin: values received ahead of their turn, by sequence number. */
    private final HashMap<Integer, TreeMap<Integer, Data>> early = new HashMap<>();
    /** Data sent and not yet acknowledged, keyed by (destination, origin, seq). */
    private final LinkedHashMap<Long, Data> unacked = new LinkedHashMap<>();
    private boolean retransmitArmed;

    BroadcastNode(int id, List<Integer> servers, BroadcastState persisted, Options options) {
        this.id = id;
        this.servers = List.copyOf(servers);
        this.count = options.getInt("count", 3);
        this.retransmitTicks = options.getLong("retransmit", 20);
        this.relay = !options.flaw(BroadcastAlgorithm.FLAW_NO_RELAY);
        this.retransmit = !options.flaw(BroadcastAlgorithm.FLAW_NO_RETRANSMIT);
        this.nextSeq = persisted == null ? 1 : persisted.nextSeq();
        for (int s : servers) {
            delivered.put(s, 0);
        }
        if (persisted != null) {
            delivered.putAll(persisted.delivered());
        }
    }

    @Override
    public void onStart(Context<BroadcastMessage> ctx) {
        if (nextSeq <= count) {
            ctx.setTimer(ORIGINATE, 1, 4);
        }
    }

    @Override
    public void onTimer(Context<BroadcastMessage> ctx, String timer) {
        if (ORIGINATE.equals(timer)) {
            originate(ctx);
        } else if (RETRANSMIT.equals(timer)) {
            retransmitArmed = false;
            for (Map.Entry<Long, Data> e : unacked.entrySet()) {
                ctx.send((int) (e.getKey() >>> 40), e.getValue());
            }
            armRetransmit(ctx);
        }
    }

    private void originate(Context<BroadcastMessage> ctx) {
        Data d = new Data(id, nextSeq, "v" + id + "." + nextSeq);
        nextSeq++;
        ctx.persist(snapshot());
        if (ctx.tracing()) {
            ctx.action("Broadcast", specState(d));
        }
        deliverInOrder(ctx, d, 0);
        if (nextSeq <= count) {
            ctx.setTimer(ORIGINATE, 1, 4);
        }
    }

    @Override
    public void onMessage(Context<BroadcastMessage> ctx, int from, BroadcastMessage msg) {
        if (msg instanceof Data d) {
            ctx.send(from, new Ack(d.origin(), d.seq()));
            int have = delivered.getOrDefault(d.origin(), 0);
            if (d.seq() <= have) {
                return;
            }
            if (d.seq() > have + 1) {
                early.computeIfAbsent(d.origin(), o -> new TreeMap<>()).putIfAbsent(d.seq(), d);
                return;
            }
            deliverInOrder(ctx, d, from);
        } else if (msg instanceof Ack a) {
            unacked.remove(key(from, a.origin(), a.seq()));
        }
    }

    /** Delivers {@code d} and then whatever was waiting behind it from the same origin. */
    private void deliverInOrder(Context<BroadcastMessage> ctx, Data d, int from) {
        Data next = d;
        int sender = from;
        while (next != null) {
            deliver(ctx, next, sender);
            sender = 0; // values that waited came from someone else
            TreeMap<Integer, Data> waiting = early.get(next.origin());
            next = waiting == null ? null : waiting.remove(next.seq() + 1);
        }
    }

    private void deliver(Context<BroadcastMessage> ctx, Data d, int from) {
        delivered.put(d.origin(), d.seq());
        ctx.persist(snapshot());
        if (ctx.tracing()) {
            ctx.action("Deliver", specState(d));
        }
        if (d.origin() == id || relay) {
            for (int s : servers) {
                if (s != id && s != from && s != d.origin()) {
                    ctx.send(s, d);
                    unacked.put(key(s, d.origin(), d.seq()), d);
                }
            }
            armRetransmit(ctx);
        }
    }

    private void armRetransmit(Context<BroadcastMessage> ctx) {
        if (retransmit && !retransmitArmed && !unacked.isEmpty()) {
            retransmitArmed = true;
            ctx.setTimer(RETRANSMIT, retransmitTicks, retransmitTicks + retransmitTicks / 2);
        }
    }

    private static long key(int dest, int origin, int seq) {
        return ((long) dest << 40) | ((long) origin << 24) | seq;
    }

    private BroadcastState snapshot() {
        return new BroadcastState(nextSeq, delivered);
    }

    private Map<String, Object> specState(Data d) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("origin", d.origin());
        s.put("seq", d.seq());
        s.put("value", d.value());
        s.put("nextSeq", nextSeq);
        Map<String, Integer> dl = new LinkedHashMap<>();
        delivered.forEach((k, v) -> dl.put(String.valueOf(k), v));
        s.put("delivered", dl);
        return s;
    }

    // ---- read access for stop conditions, invariants and tests ---------------------------

    /** Values delivered from {@code origin} so far. */
    public int deliveredFrom(int origin) {
        return delivered.getOrDefault(origin, 0);
    }

    /** Values this node has originated so far. */
    public int originated() {
        return nextSeq - 1;
    }

    /** How many values each origin broadcasts. */
    public int count() {
        return count;
    }

    /** Origins with their delivered counts (copy). */
    public Map<Integer, Integer> delivered() {
        return new TreeMap<>(delivered);
    }

    List<Integer> servers() {
        return new ArrayList<>(servers);
    }
}
