package dev.conform.algorithms.crdt;

import dev.conform.runtime.EffectLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One replica driven by hand: timers, fanout, push-pull, trace actions, persistence. */
class GossipReplicaNodeTest {
    private static final List<Integer> FIVE = List.of(1, 2, 3, 4, 5);

    private static CrdtOptions counter(int fanout, int updates) {
        return new CrdtOptions(CrdtKind.G_COUNTER, ClockMode.HLC, fanout, 5, 10, 3, 8, updates, 3, 9L);
    }

    @Test
    void startsBothTimersAndStopsUpdatingAfterTheWorkload() {
        GossipReplicaNode n = new GossipReplicaNode(1, counter(1, 2), null);
        EffectLog<GossipMessage> c = new EffectLog<>(1, FIVE);
        c.start(n);
        assertEquals(Set.of("update", "gossip", "read"), c.timers.keySet());
        c.fire(n, "update");
        assertTrue(c.timers.containsKey("update"));
        c.timers.clear();
        c.fire(n, "update");
        assertTrue(c.timers.isEmpty(), "no more updates after the second");
        c.fire(n, "read");
        assertEquals(Set.of("read"), c.timers.keySet(), "reads go on");
        assertEquals(2, n.updates());
        assertEquals(List.of("Increment", "Increment", "Read"), c.actionNames());
        assertEquals(new ReadResult("g-counter", n.state().read()), c.actions.get(2).state(), "a read returns the value");
        assertEquals(new ReplicaSnapshot(n.state(), ((ReplicaSnapshot) c.persisted).clock(),
            ((ReplicaSnapshot) c.persisted).seen(), 2, null), c.persisted);
    }

    @Test
    void gossipsToFanoutDistinctPeersNeverItself() {
        GossipReplicaNode n = new GossipReplicaNode(3, counter(3, 0), null);
        EffectLog<GossipMessage> c = new EffectLog<>(3, FIVE);
        c.start(n);
        Set<List<Integer>> choices = new HashSet<>();
        for (int round = 0; round < 20; round++) {
            c.clearOutputs();
            c.fire(n, "gossip");
            List<Integer> to = new ArrayList<>();
            c.sent.forEach(s -> to.add(s.to()));
            assertEquals(3, to.size());
            assertEquals(3, new HashSet<>(to).size(), "peers must be distinct: " + to);
            assertTrue(!to.contains(3));
            c.sent.forEach(s -> assertInstanceOf(GossipMessage.Push.class, s.msg()));
            assertEquals(3, c.actions.stream().filter(a -> a.name().equals("SendGossip")).count());
            choices.add(to);
        }
        assertTrue(choices.size() > 1, "the seeded peer choice should vary between rounds");
    }

    @Test
    void pushIsMergedAndAnsweredReplyIsOnlyMerged() {
        GossipReplicaNode n = new GossipReplicaNode(2, counter(1, 1), null);
        EffectLog<GossipMessage> c = new EffectLog<>(2, FIVE);
        c.start(n);
        c.fire(n, "update");
        c.clearOutputs();
        GCounter remote = GCounter.zero().increment(1, 5);
        c.deliver(n, 1, new GossipMessage.Push(remote, new Timestamp(50, 0, 1), new java.util.TreeMap<>()));
        GCounter merged = (GCounter) n.state();
        assertEquals(5, merged.countOf(1));
        assertTrue(merged.countOf(2) > 0);
        assertEquals(List.of("ReceiveGossip", "SendGossip"), c.actionNames());
        GossipMessage reply = c.sentTo(1).get(0);
        assertInstanceOf(GossipMessage.Reply.class, reply);
        assertEquals(merged, reply.state());
        assertTrue(reply.clock().after(new Timestamp(50, 0, 1)), "the HLC moved past the received clock");
        assertEquals(merged, ((ReplicaSnapshot) c.persisted).crdt());

        c.clearOutputs();
        c.deliver(n, 3, new GossipMessage.Reply(GCounter.zero().increment(3, 1), new Timestamp(1, 0, 3),
            new java.util.TreeMap<>()));
        assertTrue(c.sent.isEmpty(), "a reply ends the round");
        assertEquals(1, ((GCounter) n.state()).countOf(3));
    }

    @Test
    void restartFromPersistedStateContinuesTheWorkloadWhereItStopped() {
        CrdtOptions o = counter(1, 3);
        GossipReplicaNode first = new GossipReplicaNode(1, o, null);
        EffectLog<GossipMessage> c = new EffectLog<>(1, FIVE);
        c.start(first);
        c.fire(first, "update");
        ReplicaSnapshot saved = (ReplicaSnapshot) c.persisted;
        GossipReplicaNode again = new GossipReplicaNode(1, o, saved);
        EffectLog<GossipMessage> c2 = new EffectLog<>(1, FIVE);
        c2.start(again);
        c2.fire(again, "update");
        c.fire(first, "update");
        assertEquals(first.state(), again.state(), "same second request after a restart");
        assertNotEquals(saved.crdt(), again.state());
    }
}
