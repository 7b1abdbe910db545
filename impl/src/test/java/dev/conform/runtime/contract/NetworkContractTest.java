package dev.conform.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The network contract every runtime keeps, whatever carries the messages: messages sent arrive;
 * reliable links deliver in FIFO order exactly once; unreliable ones deliver only what was sent;
 * a peer that is down or unknown costs the sender nothing (no exception, no blocking) and does
 * not disturb the other links. Subclasses run it against the simulator and the TCP transport.
 */
abstract class NetworkContractTest {
    static final int COUNT = 200;

    protected abstract NetSemantics semantics();

    /** Starts {@code servers} probe nodes 1..servers except those in {@code down}. */
    protected abstract TestCluster<Probe.Num> start(int servers, Set<Integer> down, Options options) throws Exception;

    private static Probe.ProbeNode probe(TestCluster<Probe.Num> c, int id) {
        return (Probe.ProbeNode) c.node(id);
    }

    private static List<Integer> oneTo(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            l.add(i);
        }
        return l;
    }

    @Test
    void sentMessagesArrive() throws Exception {
        try (TestCluster<Probe.Num> c = start(3, Set.of(), Options.empty().with("count", COUNT))) {
            boolean reliable = semantics() == NetSemantics.RELIABLE;
            assertTrue(c.await(nodes -> {
                Probe.ProbeNode n2 = (Probe.ProbeNode) nodes.apply(2);
                Probe.ProbeNode n3 = (Probe.ProbeNode) nodes.apply(3);
                int want = reliable ? COUNT : COUNT / 2;
                return n2.received.size() >= want && n3.received.size() >= want;
            }), "messages arrived");
            assertTrue(probe(c, 1).sentAll);
            assertEquals(0, c.handlerFailures());
        }
    }

    @Test
    void orderingFollowsTheSemantics() throws Exception {
        try (TestCluster<Probe.Num> c = start(2, Set.of(), Options.empty().with("count", COUNT))) {
            if (semantics() == NetSemantics.RELIABLE) {
                assertTrue(c.await(nodes -> ((Probe.ProbeNode) nodes.apply(2)).received.size() >= COUNT));
                assertEquals(oneTo(COUNT), probe(c, 2).received, "FIFO, exactly once");
            } else {
                c.settle();
                List<Integer> got = probe(c, 2).received;
                assertFalse(got.isEmpty());
                for (int n : got) {
                    assertTrue(n >= 1 && n <= COUNT, "only sent messages arrive");
                }
            }
        }
    }

    @Test
    void downPeerCostsTheSenderNothing() throws Exception {
        try (TestCluster<Probe.Num> c = start(3, Set.of(3), Options.empty().with("count", COUNT))) {
            assertNull(c.node(3));
            boolean reliable = semantics() == NetSemantics.RELIABLE;
            assertTrue(c.await(nodes -> ((Probe.ProbeNode) nodes.apply(2)).received.size() >= (reliable ? COUNT : COUNT / 2)));
            assertTrue(probe(c, 1).sentAll, "sends to a down and an unknown node returned");
            if (reliable) {
                assertEquals(oneTo(COUNT), probe(c, 2).received, "the other link is undisturbed");
            }
            assertEquals(0, c.handlerFailures(), "no exception reached a handler");
        }
    }

    @Test
    void duplicatesOnlyWhereTheSemanticsAllowThem() throws Exception {
        try (TestCluster<Probe.Num> c = start(3, Set.of(), Options.empty().with("count", COUNT))) {
            c.settle();
            List<Integer> got = probe(c, 3).received;
            if (semantics() == NetSemantics.RELIABLE) {
                assertEquals(COUNT, new HashSet<>(got).size());
                assertEquals(COUNT, got.size());
            } else {
                assertTrue(got.size() <= 2 * COUNT && new HashSet<>(got).size() <= COUNT);
            }
        }
    }
}
