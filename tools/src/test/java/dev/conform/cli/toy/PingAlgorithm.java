package dev.conform.cli.toy;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import java.util.List;

/**
 * A test algorithm ({@code ping}): server 1 starts a ping that the servers pass round the ring,
 * each adding one. With option {@code failAt=N} the handler that receives ping N throws, as a
 * buggy implementation would; with {@code failOnRecovery=true} rebuilding a node from its
 * persisted state throws. Registered for the CLI tests only (test META-INF/services).
 */
public class PingAlgorithm implements Algorithm<PingAlgorithm.Ping> {
    /** The one message: the count so far. */
    public record Ping(int n) {
    }

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public String description() {
        return "test algorithm passing a counter round a ring";
    }

    @Override
    public Class<Ping> messageType() {
        return Ping.class;
    }

    @Override
    public java.util.Set<String> optionKeys() {
        return java.util.Set.of("failAt", "failOnRecovery");
    }

    @Override
    public Node<Ping> create(int id, List<Integer> servers, Object persisted, Options options) {
        int failAt = options.getInt("failAt", 0);
        if (persisted != null && options.getBoolean("failOnRecovery", false)) {
            throw new IllegalStateException("cannot read back my own persisted state " + persisted);
        }
        return new PingNode(servers, failAt);
    }

    static final class PingNode implements Node<Ping> {
        private final List<Integer> servers;
        private final int failAt;

        PingNode(List<Integer> servers, int failAt) {
            this.servers = servers;
            this.failAt = failAt;
        }

        @Override
        public void onStart(Context<Ping> ctx) {
            ctx.persist(ctx.self());
            if (ctx.self() == servers.get(0)) {
                ctx.send(next(ctx.self()), new Ping(1));
            }
        }

        @Override
        public void onMessage(Context<Ping> ctx, int from, Ping msg) {
            if (msg.n() == failAt) {
                throw new IllegalStateException("deliberate bug: ping " + msg.n() + " is not handled");
            }
            ctx.action("Pass", java.util.Map.of("n", msg.n()));
            ctx.send(next(ctx.self()), new Ping(msg.n() + 1));
        }

        @Override
        public void onTimer(Context<Ping> ctx, String timer) {
        }

        private int next(int self) {
            int i = servers.indexOf(self);
            return servers.get((i + 1) % servers.size());
        }
    }
}
