package dev.conform.runtime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.Context;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.tracing.EventKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Client workload nodes (ids above 100) driven by the same simulator as the servers. */
class ClientWorkloadTest {
    record Echo(int n) {
    }

    static final class Server implements Node<Echo> {
        @Override
        public void onStart(Context<Echo> ctx) {
        }

        @Override
        public void onMessage(Context<Echo> ctx, int from, Echo msg) {
            ctx.send(from, msg);
        }

        @Override
        public void onTimer(Context<Echo> ctx, String timer) {
        }
    }

    static final class Client implements Node<Echo> {
        final List<Integer> servers;
        final List<Integer> echoes = new ArrayList<>();
        int next;

        Client(List<Integer> servers) {
            this.servers = servers;
        }

        @Override
        public void onStart(Context<Echo> ctx) {
            ctx.setTimer("ask", 1, 3);
        }

        @Override
        public void onMessage(Context<Echo> ctx, int from, Echo msg) {
            echoes.add(msg.n());
        }

        @Override
        public void onTimer(Context<Echo> ctx, String timer) {
            next++;
            ctx.send(servers.get(next % servers.size()), new Echo(ctx.self() * 1000 + next));
            if (next < 10) {
                ctx.setTimer("ask", 1, 3);
            }
        }
    }

    static final class EchoAlgorithm extends AbstractAlgorithm<Echo> {
        EchoAlgorithm() {
            super("echo", Echo.class);
        }

        @Override
        public Node<Echo> create(int id, List<Integer> servers, Object persisted, Options options) {
            return new Server();
        }

        @Override
        public int clients(Options options) {
            return options.getInt("clients", 2);
        }

        @Override
        public Node<Echo> createClient(int id, List<Integer> servers, Options options) {
            return new Client(servers);
        }

        @Override
        public StopCondition<Echo> stopCondition(Options options) {
            return c -> c.clients().stream().allMatch(id -> ((Client) c.node(id)).echoes.size() == 10);
        }
    }

    @Test
    void clientsAreNodesAbove100AndPartitionsDoNotCutThemOff() {
        ListSink sink = new ListSink();
        SimConfig cfg = SimConfig.of(3, 4).withOptions(Options.empty().with("clients", 2));
        FaultPlan plan = FaultPlan.of(new FaultEvent.Isolate(0, 2));
        Simulator<Echo> sim = new Simulator<>(new EchoAlgorithm(), cfg, plan, sink);
        RunResult r = sim.run();
        assertEquals(StopReason.STOP_CONDITION, r.reason());
        assertEquals(List.of(101, 102), sim.clients());
        assertEquals(List.of(1, 2, 3, 101, 102), sink.header.nodes());
        assertEquals(10, ((Client) sim.node(101)).echoes.size());
        assertTrue(sink.of(EventKind.DROP).isEmpty(), "the isolated server still serves clients");
        assertTrue(sink.where(e -> e.kind() == EventKind.DELIVER && e.msg().from() == 2 && e.msg().to() == 101).size() > 0);
    }
}
