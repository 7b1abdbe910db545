package dev.conform.runtime.contract;

import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Contract-test algorithm: on start node 1 sends numbers 1..count to every other server and to a
 * node id nobody has (99); every node records what it receives. Fields are thread-safe because
 * tests read them while a real network runs.
 */
final class Probe extends AbstractAlgorithm<Probe.Num> {
    record Num(int n) {
    }

    static final int UNKNOWN = 99;

    static final class ProbeNode implements Node<Num> {
        final int count;
        final List<Integer> received = new CopyOnWriteArrayList<>();
        volatile boolean sentAll;

        ProbeNode(int count) {
            this.count = count;
        }

        @Override
        public void onStart(Context<Num> ctx) {
            if (ctx.self() != 1) {
                return;
            }
            for (int i = 1; i <= count; i++) {
                ctx.broadcast(new Num(i));
                ctx.send(UNKNOWN, new Num(i));
            }
            sentAll = true;
        }

        @Override
        public void onMessage(Context<Num> ctx, int from, Num msg) {
            received.add(msg.n());
        }

        @Override
        public void onTimer(Context<Num> ctx, String timer) {
        }
    }

    Probe() {
        super("probe", Num.class);
    }

    @Override
    public Node<Num> create(int id, List<Integer> servers, Object persisted, Options options) {
        return new ProbeNode(options.getInt("count", 100));
    }
}
