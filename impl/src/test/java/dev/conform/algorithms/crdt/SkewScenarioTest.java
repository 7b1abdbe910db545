package dev.conform.algorithms.crdt;

import dev.conform.runtime.EffectLog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The textbook scenario, scripted: node 1's clock runs 900 ticks ahead. It writes k0, gossips
 * to node 2, and node 2, having seen that write, overwrites k0. Node 2's write is causally later.
 * With physical timestamps it carries the smaller time and vanishes; with the HLC it wins.
 */
class SkewScenarioTest {
    private static final List<Integer> NODES = List.of(1, 2);

    private record Run(GossipReplicaNode n1, GossipReplicaNode n2, WriteRecord secondWrite) {
    }

    private static Run run(ClockMode clock) {
        CrdtOptions opts = CrdtOptions.defaults().withClock(clock).withUpdatesPerReplica(1);
        opts = new CrdtOptions(opts.kind(), clock, 1, 5, 10, 3, 8, 1, 1, 42L); // one key: both write k0
        GossipReplicaNode n1 = new GossipReplicaNode(1, opts, null);
        GossipReplicaNode n2 = new GossipReplicaNode(2, opts, null);
        EffectLog<GossipMessage> c1 = new EffectLog<>(1, NODES);
        EffectLog<GossipMessage> c2 = new EffectLog<>(2, NODES);
        c1.time = 1000; // skewed ahead
        c2.time = 100;
        c1.start(n1);
        c2.start(n2);

        c1.fire(n1, GossipReplicaNode.UPDATE_TIMER);            // Put k0 := v1.1 at ~1000
        c1.fire(n1, GossipReplicaNode.GOSSIP_TIMER);            // push to node 2
        GossipMessage push = c1.sentTo(2).get(0);
        c2.time = 101;
        c2.deliver(n2, 1, push);                                 // node 2 has now seen v1.1
        c2.time = 102;
        c2.fire(n2, GossipReplicaNode.UPDATE_TIMER);            // Put k0 := v2.1, causally later
        EffectLog.Action put = c2.actions.get(c2.actions.size() - 1);
        assertEquals("Put", put.name());
        WriteRecord w = ((ReplicaSnapshot) put.state()).write();

        c2.clearOutputs();
        c2.fire(n2, GossipReplicaNode.GOSSIP_TIMER);            // and node 2 pushes back
        c1.deliver(n1, 2, c2.sentTo(1).get(0));
        return new Run(n1, n2, w);
    }

    @Test
    void physicalClockSilentlyDropsTheCausallyLaterWrite() {
        Run r = run(ClockMode.PHYSICAL);
        assertEquals("v2.1", r.secondWrite().value());
        assertTrue(r.secondWrite().lostCausallyLaterWrite(), r.secondWrite().toString());
        assertEquals("v1.1", ((LWWMap) r.n1().state()).view().get("k0"));
        assertEquals("v1.1", ((LWWMap) r.n2().state()).view().get("k0"));
    }

    @Test
    void hybridLogicalClockKeepsTheCausallyLaterWrite() {
        Run r = run(ClockMode.HLC);
        WriteRecord w = r.secondWrite();
        assertFalse(w.lostCausallyLaterWrite(), w.toString());
        assertTrue(w.ts().after(w.pred()));
        assertEquals(1000, w.ts().wall()); // the HLC carried node 1's clock over
        assertEquals("v2.1", ((LWWMap) r.n1().state()).view().get("k0"));
        assertEquals("v2.1", ((LWWMap) r.n2().state()).view().get("k0"));
        assertEquals(1L, w.deps().get(1)); // the write knows it follows node 1's update
        assertNull(w.deps().get(2));
    }
}
