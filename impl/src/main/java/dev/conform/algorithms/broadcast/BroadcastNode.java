package dev.conform.algorithms.broadcast;

import dev.conform.algorithms.broadcast.BroadcastMessage.Ack;
import dev.conform.algorithms.broadcast.BroadcastMessage.Data;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One server of eager reliable broadcast with acknowledgements, retransmission and a hold-back
 * queue, delivering in FIFO or causal order ({@link DeliveryOrder}). See the package documentation
 * for the protocol and its spec actions.
 */
public final class BroadcastNode implements Node<BroadcastMessage> {
    static final String ORIGINATE = "originate";
    static final String RETRANSMIT = "retransmit";

    private final int id;
    private final List<Integer> servers;
    private final int count;
    private final long retransmitTicks;
    private final long every;
    private final DeliveryOrder order;
    private final boolean relay;
    private final boolean retransmit;

    private int nextSeq;
    /** Per origin: values delivered so far (in sequence, so the next expected is count + 1). */
    private final TreeMap<Integer, Integer> delivered = new TreeMap<>();
    /** The values this node broadcast, in sequence (persisted). */
    private final List<Data> own = new ArrayList<>();
    /** The hold-back queue: values not delivered yet, by (origin, seq). Volatile. */
    private final TreeMap<Long, Held> held = new TreeMap<>();
    /** Data sent and not yet acknowledged, keyed by (destination, origin, seq). */
    private final LinkedHashMap<Long, Data> unacked = new LinkedHashMap<>();
    private boolean retransmitArmed;
    /** Sum of {@link #delivered}, kept so stop conditions are cheap. */
    private int deliveredTotal;

    BroadcastNode(int id, List<Integer> servers, BroadcastState persisted, Options options, DeliveryOrder order) {
        this.id = id;
        this.servers = List.copyOf(servers);
        this.count = options.getInt("count", 3);
        this.retransmitTicks = options.getLong("retransmit", 20);
        this.every = options.getLong("every", 1);
        this.order = order;
        this.relay = !options.flaw(BroadcastAlgorithm.FLAW_NO_RELAY);
        this.retransmit = !options.flaw(BroadcastAlgorithm.FLAW_NO_RETRANSMIT);
        this.nextSeq = persisted == null ? 1 : persisted.nextSeq();
        for (int s : servers) {
            delivered.put(s, 0);
        }
        if (persisted != null) {
            delivered.putAll(persisted.delivered());
            own.addAll(persisted.own());
        }
        for (int v : delivered.values()) {
            deliveredTotal += v;
        }
    }

    @Override
    public void onStart(Context<BroadcastMessage> ctx) {
        // After a restart: retransmit every own value until each server acknowledges it again.
        for (Data d : own) {
            for (int s : servers) {
                if (s != id) {
                    unacked.put(key(s, d.origin(), d.seq()), d);
                }
            }
        }
        armRetransmit(ctx);
        if (nextSeq <= count) {
            ctx.setTimer(ORIGINATE, every, 4 * every);
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

    /**
     * Broadcast: the next value, stamped with what this node has delivered, joins the hold-back
     * queue (it is deliverable at once), then leaves it by its own Deliver, which sends it out.
     */
    private void originate(Context<BroadcastMessage> ctx) {
        Data d = new Data(id, nextSeq, "v" + id + "." + nextSeq, deps());
        nextSeq++;
        own.add(d);
        held.put(key(0, d.origin(), d.seq()), new Held(d, 0));
        ctx.persist(snapshot());
        if (ctx.tracing()) {
            ctx.action("Broadcast", specState(d));
        }
        deliverHeld(ctx);
        if (nextSeq <= count) {
            ctx.setTimer(ORIGINATE, every, 4 * every);
        }
    }

    @Override
    public void onMessage(Context<BroadcastMessage> ctx, int from, BroadcastMessage msg) {
        if (msg instanceof Data d) {
            // Receive: a new value joins the hold-back queue (with the node it came from); a value
            // delivered before is acknowledged at once; one held already waits for its first copy.
            boolean duplicate = d.seq() <= deliveredFrom(d.origin());
            if (!duplicate) {
                held.putIfAbsent(key(0, d.origin(), d.seq()), new Held(d, from));
            }
            if (ctx.tracing()) {
                ctx.action("Receive", specState(null));
            }
            if (duplicate) {
                ctx.send(from, new Ack(d.origin(), d.seq()));
            }
            deliverHeld(ctx);
        } else if (msg instanceof Ack a) {
            unacked.remove(key(from, a.origin(), a.seq()));
            if (ctx.tracing()) {
                ctx.action("HandleAck", specState(null));
            }
        }
    }

    /** Delivers held values while one is deliverable, lowest (origin, seq) first. */
    private void deliverHeld(Context<BroadcastMessage> ctx) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Map.Entry<Long, Held> e : held.entrySet()) {
                if (order.deliverable(e.getValue().data(), delivered)) {
                    deliver(ctx, held.remove(e.getKey()));
                    progress = true;
                    break;
                }
            }
        }
    }

    /**
     * Deliver: durably, then relay to every server but this one, the origin and the node the value
     * came from, and only then acknowledge it to that node. A held value is never acknowledged: a
     * crash empties the hold-back queue, so its senders must keep retransmitting it.
     */
    private void deliver(Context<BroadcastMessage> ctx, Held h) {
        Data d = h.data();
        delivered.put(d.origin(), d.seq());
        deliveredTotal++;
        ctx.persist(snapshot());
        if (ctx.tracing()) {
            ctx.action("Deliver", specState(d));
        }
        if (d.origin() == id || relay) {
            for (int s : servers) {
                if (s != id && s != h.from() && s != d.origin()) {
                    ctx.send(s, d);
                    unacked.put(key(s, d.origin(), d.seq()), d);
                }
            }
            armRetransmit(ctx);
        }
        if (h.from() != 0) {
            ctx.send(h.from(), new Ack(d.origin(), d.seq()));
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
        return new BroadcastState(nextSeq, delivered, own);
    }

    /** What this node has delivered, per server as a string key: the deps of a value it broadcasts. */
    private Map<String, Integer> deps() {
        Map<String, Integer> m = new LinkedHashMap<>();
        delivered.forEach((k, v) -> m.put(String.valueOf(k), v));
        return m;
    }

    /** The recorded state: the value acted on (if any), nextSeq, delivered counts, hold-back size. */
    private Map<String, Object> specState(Data d) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (d != null) {
            s.put("origin", d.origin());
            s.put("seq", d.seq());
            s.put("value", d.value());
        }
        s.put("nextSeq", nextSeq);
        s.put("delivered", deps());
        s.put("held", held.size());
        return s;
    }

    // ---- read access for stop conditions, invariants and tests ---------------------------

    /** Values delivered from {@code origin} so far. */
    public int deliveredFrom(int origin) {
        return delivered.getOrDefault(origin, 0);
    }

    /** Values delivered so far from all origins together. */
    public int deliveredTotal() {
        return deliveredTotal;
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

    /** A value in the hold-back queue and the node its copy came from (0: this node broadcast it). */
    private record Held(Data data, int from) {
    }
}
