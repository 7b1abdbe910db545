package dev.conform.runtime.sim;

import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import java.util.List;
import java.util.Map;

/**
 * A test algorithm: each server ticks a counter on a timer and persists only every second value,
 * and pings node 1 on every tick, so tests can see what a crash keeps and what it loses.
 */
final class Keeper extends AbstractAlgorithm<Keeper.Ping> {
    record Ping(int count) {
    }

    static final class KeeperNode implements Node<Ping> {
        final Integer restoredFrom;
        int count;
        int persisted;
        int pingsReceived;
        int starts;

        KeeperNode(Integer restored) {
            restoredFrom = restored;
            count = restored == null ? 0 : restored;
            persisted = count;
        }

        @Override
        public void onStart(Context<Ping> ctx) {
            starts++;
            ctx.setTimer("tick", 2, 2);
        }

        @Override
        public void onMessage(Context<Ping> ctx, int from, Ping msg) {
            pingsReceived++;
        }

        @Override
        public void onTimer(Context<Ping> ctx, String timer) {
            count++;
            if (count % 2 == 0) {
                ctx.persist(Map.of("count", count));
                persisted = count;
            }
            if (ctx.self() != 1) {
                ctx.send(1, new Ping(count));
            }
            ctx.setTimer("tick", 2, 2);
        }
    }

    Keeper() {
        super("keeper", Ping.class);
    }

    @Override
    public Node<Ping> create(int id, List<Integer> servers, Object persisted, Options options) {
        Integer restored = persisted == null ? null : ((Number) ((Map<?, ?>) persisted).get("count")).intValue();
        return new KeeperNode(restored);
    }
}
