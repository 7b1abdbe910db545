package dev.conform.algorithms.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.broadcast.BroadcastMessage.Ack;
import dev.conform.algorithms.broadcast.BroadcastMessage.Data;
import dev.conform.runtime.EffectLog;
import dev.conform.runtime.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One causal broadcast node driven by hand: the delivery condition and the hold-back queue. */
class CausalNodeTest {
    private final Options opts = new CausalAlgorithm().resolveOptions(Options.empty(), 1);
    private final Data first = new Data(1, 1, "v1.1", Map.of("1", 0, "2", 0, "3", 0));
    /** Node 2 broadcast this after delivering node 1's first value. */
    private final Data reply = new Data(2, 1, "v2.1", Map.of("1", 1, "2", 0, "3", 0));

    private static BroadcastNode node(int id, Options o) {
        return (BroadcastNode) new CausalAlgorithm().create(id, List.of(1, 2, 3), null, o);
    }

    @Test
    void aValueWaitsForWhatItsOriginHadDelivered() {
        BroadcastNode n = node(3, opts);
        EffectLog<BroadcastMessage> ctx = new EffectLog<>(3, List.of(1, 2, 3));
        ctx.deliver(n, 2, reply);
        assertEquals(0, n.deliveredFrom(2), "node 1's first value is not delivered here yet");
        assertEquals(List.of("Receive"), ctx.actionNames());
        assertEquals(1, ((Map<?, ?>) ctx.actions.get(0).state()).get("held"));
        assertTrue(ctx.sentTo(2).isEmpty(), "held, so not acknowledged");
        ctx.deliver(n, 1, first);
        assertEquals(List.of("Receive", "Receive", "Deliver", "Deliver"), ctx.actionNames());
        assertEquals(Map.of(1, 1, 2, 1, 3, 0), n.delivered(), "both delivered, node 1's first");
        assertEquals(0, ((Map<?, ?>) ctx.actions.get(3).state()).get("held"));
        assertEquals(List.of(new Ack(1, 1), reply), ctx.sentTo(1), "acknowledged to where it came from, and relayed");
        assertEquals(List.of(first, new Ack(2, 1)), ctx.sentTo(2), "relayed, and acknowledged to where it came from");
    }

    @Test
    void broadcastCarriesWhatTheOriginHadDelivered() {
        BroadcastNode n = node(2, opts);
        EffectLog<BroadcastMessage> ctx = new EffectLog<>(2, List.of(1, 2, 3));
        ctx.deliver(n, 1, first);
        ctx.clearOutputs();
        ctx.fire(n, "originate");
        assertEquals(List.of(reply), ctx.sentTo(3));
        assertEquals(List.of("Broadcast", "Deliver"), ctx.actionNames());
        assertEquals(1, ((Map<?, ?>) ctx.actions.get(0).state()).get("held"), "Broadcast puts the value in the hold-back queue");
        assertEquals(0, ((Map<?, ?>) ctx.actions.get(1).state()).get("held"), "and its Deliver takes it out");
    }

    @Test
    void fifoOnlyFlawDeliversOnReceipt() {
        BroadcastNode n = node(3, opts.withFlaw(CausalAlgorithm.FLAW_FIFO_ONLY));
        EffectLog<BroadcastMessage> ctx = new EffectLog<>(3, List.of(1, 2, 3));
        ctx.deliver(n, 2, reply);
        assertEquals(1, n.deliveredFrom(2), "delivered before node 1's first value: causal order broken");
        assertEquals(List.of("Receive", "Deliver"), ctx.actionNames());
    }

    @Test
    void optionsAreResolvedIntoTheHeader() {
        assertEquals(Map.of("count", "3", "retransmit", "20", "every", "10"), opts.values());
    }
}
