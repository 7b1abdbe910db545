package dev.conform.algorithms.pingcounter;

import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import java.util.Map;

/**
 * One PingCounter node. Its timer {@code tick} increments the counter (spec action {@code Inc})
 * and sends it to every other node; a {@link Ping} raises the counter to the value it carries
 * ({@code Receive}). Every change is persisted before the sends it leads to, so a restarted node
 * never has a smaller counter than a message it sent (the spec's {@code NotAhead}).
 */
final class PingCounterNode implements Node<Ping> {
    static final String TICK = "tick";

    private final int max;
    private final boolean forgetCount; // the teaching flaw: never persist
    private int count;

    PingCounterNode(int max, boolean forgetCount, Saved saved) {
        this.max = max;
        this.forgetCount = forgetCount;
        this.count = saved == null ? 0 : saved.count();
    }

    int count() {
        return count;
    }

    @Override
    public void onStart(Context<Ping> ctx) {
        armTick(ctx);
    }

    @Override
    public void onTimer(Context<Ping> ctx, String timer) {
        count++;
        save(ctx);
        ctx.action("Inc", state());
        ctx.broadcast(new Ping(count));
        armTick(ctx);
    }

    @Override
    public void onMessage(Context<Ping> ctx, int from, Ping msg) {
        if (msg.val() > count) {
            count = msg.val();
            save(ctx);
            armTick(ctx);
        }
        ctx.action("Receive", state());
    }

    /** Persists the counter; the runtime writes it before it sends anything this handler sent. */
    private void save(Context<Ping> ctx) {
        if (!forgetCount) {
            ctx.persist(new Saved(count));
        }
    }

    /** Ticks while there is counting left to do. */
    private void armTick(Context<Ping> ctx) {
        if (count < max) {
            ctx.setTimer(TICK, 5, 10);
        } else {
            ctx.cancelTimer(TICK);
        }
    }

    /** The spec-relevant state recorded with every action: PingCounter's count[n]. */
    private Map<String, Object> state() {
        return Map.of("count", count);
    }
}
