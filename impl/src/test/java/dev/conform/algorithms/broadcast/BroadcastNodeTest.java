package dev.conform.algorithms.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.broadcast.BroadcastMessage.Ack;
import dev.conform.algorithms.broadcast.BroadcastMessage.Data;
import dev.conform.runtime.Options;
import dev.conform.runtime.EffectLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One broadcast node driven by hand. */
class BroadcastNodeTest {
    private final Options opts = Options.empty().with("count", 2);

    @Test
    void originPersistsDeliversAndSendsToEveryone() {
        BroadcastNode n = (BroadcastNode) new BroadcastAlgorithm().create(1, List.of(1, 2, 3), null, opts);
        EffectLog<BroadcastMessage> ctx = new EffectLog<>(1, List.of(1, 2, 3));
        ctx.start(n);
        assertTrue(ctx.timers.containsKey("originate"));
        ctx.fire(n, "originate");
        Data d = new Data(1, 1, "v1.1", Map.of("1", 0, "2", 0, "3", 0));
        assertEquals(List.of(d), ctx.sentTo(2));
        assertEquals(List.of(d), ctx.sentTo(3));
        assertEquals(new BroadcastState(2, Map.of(1, 1, 2, 0, 3, 0), List.of(d)), ctx.persisted);
        assertEquals(List.of("Broadcast", "Deliver"), ctx.actionNames());
        assertTrue(ctx.timers.containsKey("retransmit"));
    }

    @Test
    void receiverHoldsBackOutOfOrderRelaysAndAcksOnlyWhatItDelivered() {
        BroadcastNode n = (BroadcastNode) new BroadcastAlgorithm().create(2, List.of(1, 2, 3), null, opts);
        EffectLog<BroadcastMessage> ctx = new EffectLog<>(2, List.of(1, 2, 3));
        Data one = new Data(1, 1, "v1.1", Map.of("1", 0, "2", 0, "3", 0));
        Data two = new Data(1, 2, "v1.2", Map.of("1", 1, "2", 0, "3", 0));
        ctx.deliver(n, 1, two);
        assertEquals(0, n.deliveredFrom(1), "seq 2 waits for seq 1");
        assertTrue(ctx.sentTo(1).isEmpty(), "a held value is not acknowledged: a crash would lose it");
        assertEquals(List.of("Receive"), ctx.actionNames());
        ctx.deliver(n, 1, one);
        assertEquals(2, n.deliveredFrom(1));
        assertEquals(List.of(one, two), ctx.sentTo(3), "relayed in order");
        assertEquals(List.of(new Ack(1, 1), new Ack(1, 2)), ctx.sentTo(1),
                "each value is acknowledged to the node it came from once delivered");
        assertEquals(List.of("Receive", "Receive", "Deliver", "Deliver"), ctx.actionNames());
        ctx.clearOutputs();
        ctx.deliver(n, 1, one);
        ctx.deliver(n, 1, two);
        assertEquals(2, n.deliveredFrom(1), "a duplicate is not delivered again");
        assertEquals(List.of(new Ack(1, 1), new Ack(1, 2)), ctx.sentTo(1), "but acknowledged");
        assertTrue(ctx.sentTo(3).isEmpty(), "nor relayed again");
    }

    @Test
    void acknowledgedDataIsNotResent() {
        BroadcastNode n = (BroadcastNode) new BroadcastAlgorithm().create(1, List.of(1, 2), null, opts);
        EffectLog<BroadcastMessage> ctx = new EffectLog<>(1, List.of(1, 2));
        ctx.fire(n, "originate");
        ctx.fire(n, "retransmit");
        assertEquals(2, ctx.sentTo(2).size(), "unacknowledged: resent");
        ctx.deliver(n, 2, new Ack(1, 1));
        ctx.clearOutputs();
        ctx.fire(n, "retransmit");
        assertTrue(ctx.sentTo(2).isEmpty());
    }

    @Test
    void restartFromPersistedStateKeepsCountsAndSequence() {
        BroadcastNode n = (BroadcastNode) new BroadcastAlgorithm().create(1, List.of(1, 2),
                new BroadcastState(3, Map.of(1, 2, 2, 1), List.of(new Data(1, 1, "v1.1", Map.of("1", 0, "2", 0)),
                        new Data(1, 2, "v1.2", Map.of("1", 1, "2", 0)))), opts);
        assertEquals(2, n.originated());
        assertEquals(3, n.deliveredTotal());
        EffectLog<BroadcastMessage> ctx = new EffectLog<>(1, List.of(1, 2));
        ctx.start(n);
        assertTrue(!ctx.timers.containsKey("originate"), "all values already originated");
        ctx.fire(n, "retransmit");
        assertEquals(2, ctx.sentTo(2).size(), "its own values are resent until acknowledged again");
    }
}
