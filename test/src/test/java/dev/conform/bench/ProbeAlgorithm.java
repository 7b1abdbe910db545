package dev.conform.bench;

import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.Context;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import java.util.List;

/**
 * SWIM's probe traffic without its membership logic, for simulator scale benchmarks: every
 * server, every {@link #PERIOD} ticks, pings one peer chosen from its id and round, which answers
 * with an ack. O(n) messages per period, each node touching a different peer every round, as
 * SWIM's round-robin probing does; no state grows with n.
 */
final class ProbeAlgorithm extends AbstractAlgorithm<ProbeAlgorithm.Msg> {
    static final long PERIOD = 10;

    /** A ping (ack = false) or its ack, for the prober's round. */
    record Msg(boolean ack, int round) {
    }

    ProbeAlgorithm() {
        super("probe", "ping one deterministic peer per period, which acks", Msg.class, Object.class,
                NetSemantics.RELIABLE);
    }

    @Override
    public Node<Msg> create(int id, List<Integer> servers, Object persisted, Options options) {
        return new Member(id, servers.size());
    }

    /** The peer node {@code id} probes in {@code round}: never itself, spread over 1..n. */
    static int peer(int id, int round, int n) {
        long h = (id * 0x9E3779B97F4A7C15L) ^ (round * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 31;
        int k = (int) Math.floorMod(h, (long) (n - 1)); // 0..n-2, skip self below
        int p = k + 1;
        return p >= id ? p + 1 : p;
    }

    static final class Member implements Node<Msg> {
        private final int id;
        private final int n;
        private int round;
        long acks;

        Member(int id, int n) {
            this.id = id;
            this.n = n;
        }

        @Override
        public void onStart(Context<Msg> ctx) {
            // stagger the first probe so periods do not all fire on one tick
            ctx.setTimer("probe", 1, PERIOD);
        }

        @Override
        public void onTimer(Context<Msg> ctx, String timer) {
            round++;
            if (n > 1) {
                ctx.send(peer(id, round, n), new Msg(false, round));
            }
            ctx.setTimer("probe", PERIOD, PERIOD);
        }

        @Override
        public void onMessage(Context<Msg> ctx, int from, Msg msg) {
            if (msg.ack()) {
                acks++;
                ctx.action("Acked", msg);
            } else {
                ctx.send(from, new Msg(true, msg.round()));
            }
        }
    }
}
