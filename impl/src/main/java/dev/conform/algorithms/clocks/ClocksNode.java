package dev.conform.algorithms.clocks;

import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One process of Lamport's logical clocks, with a vector clock beside the Lamport clock. Its timer
 * drives its own events: event number {@code e} (1-based) of node {@code p} is a {@code Send} when
 * {@code (e + p) mod 3 != 0}, else a {@code Local} event, so a run's shape depends only on the seed's
 * schedule, never on randomness in a handler. Every action is persisted before its send, so a
 * restarted node continues from the clock of its latest event.
 */
final class ClocksNode implements Node<Tick> {
    static final String EVENT = "event";

    private final int id;
    private final List<Integer> servers;
    private final int budget;
    private final long every;
    private final boolean merge; // false: the teaching flaw no-merge

    private int lc;
    private final LinkedHashMap<String, Integer> vc = new LinkedHashMap<>();
    private int events;

    ClocksNode(int id, List<Integer> servers, ClockState saved, int budget, long every, boolean merge) {
        this.id = id;
        this.servers = List.copyOf(servers);
        this.budget = budget;
        this.every = every;
        this.merge = merge;
        for (int s : servers) {
            vc.put(key(s), 0);
        }
        if (saved != null) {
            lc = saved.lc();
            saved.vc().forEach((k, v) -> vc.put(k, v));
            events = saved.events();
        }
    }

    @Override
    public void onStart(Context<Tick> ctx) {
        arm(ctx);
    }

    @Override
    public void onTimer(Context<Tick> ctx, String timer) {
        if (!EVENT.equals(timer) || events >= budget) {
            return;
        }
        events++;
        tick();
        ClockState s = state();
        ctx.persist(s);
        int to = target(events);
        if (to == 0) {
            ctx.action("Local", s);
        } else {
            ctx.action("Send", s);
            ctx.send(to, new Tick(lc, s.vc()));
        }
        arm(ctx);
    }

    @Override
    public void onMessage(Context<Tick> ctx, int from, Tick m) {
        if (merge) {
            lc = Math.max(lc, m.lc());
            m.vc().forEach((k, v) -> vc.computeIfPresent(k, (q, mine) -> Math.max(mine, v)));
        }
        tick();
        ClockState s = state();
        ctx.persist(s);
        ctx.action("Receive", s);
    }

    /** Every event ticks both clocks: the Lamport clock and this node's own vector entry. */
    private void tick() {
        lc++;
        vc.merge(key(id), 1, Integer::sum);
    }

    /**
     * Where event {@code e} sends to, or 0 for a local event: the server at position
     * {@code (position of this node + e) mod n} of the ascending server list, or the next one after
     * it when that is this node.
     */
    int target(int e) {
        int n = servers.size();
        if ((e + id) % 3 == 0 || n < 2) {
            return 0;
        }
        int pos = servers.indexOf(id);
        int to = servers.get((pos + e) % n);
        return to != id ? to : servers.get((pos + e + 1) % n);
    }

    private void arm(Context<Tick> ctx) {
        if (events < budget) {
            ctx.setTimer(EVENT, every, 2 * every);
        }
    }

    private ClockState state() {
        return new ClockState(lc, vc, events);
    }

    /** Timer-driven events performed so far (for stop conditions and tests). */
    int events() {
        return events;
    }

    int lc() {
        return lc;
    }

    Map<String, Integer> vc() {
        return new LinkedHashMap<>(vc);
    }

    private static String key(int node) {
        return String.valueOf(node);
    }
}
