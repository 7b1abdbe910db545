package dev.conform.algorithms.crdt;

import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.runtime.sim.StopReason;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.MemorySink;
import dev.conform.tracing.TraceEvent;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole clusters on the deterministic simulator: lossy, duplicating network, skew, crashes. */
class CrdtSimulationTest {
    private static final List<Integer> SERVERS = List.of(1, 2, 3);

    private record Run(Simulator<GossipMessage> sim, RunResult result, List<TraceEvent> events) {
        GossipReplicaNode node(int id) {
            return (GossipReplicaNode) sim.node(id);
        }

        /** Snapshots recorded by {@code node}'s actions, in order. */
        List<ReplicaSnapshot> snapshots(int node) {
            return snapshots().filter(s -> s.node() == node).map(NodeSnapshot::snapshot).toList();
        }

        List<WriteRecord> writes() {
            return snapshots().map(s -> s.snapshot().write()).filter(Objects::nonNull).toList();
        }

        /** The snapshots the actions recorded, with the node that recorded each. */
        private Stream<NodeSnapshot> snapshots() {
            return events.stream().filter(e -> e.kind() == EventKind.ACTION && e.state() instanceof ReplicaSnapshot)
                .map(e -> new NodeSnapshot(e.node(), (ReplicaSnapshot) e.state()));
        }
    }

    private record NodeSnapshot(int node, ReplicaSnapshot snapshot) {
    }

    private static Run run(Options options, long seed, FaultPlan plan) {
        SimConfig cfg = SimConfig.of(3, seed).withNet(NetSemantics.UNRELIABLE).withRates(10, 5)
            .withMaxSteps(200_000).withOptions(options);
        MemorySink sink = new MemorySink();
        Simulator<GossipMessage> sim = new Simulator<>(new CrdtAlgorithm(), cfg, plan, sink);
        RunResult r = sim.run();
        return new Run(sim, r, sink.events());
    }

    private static Options opts(CrdtKind kind, ClockMode clock) {
        return Options.empty().with("type", kind.flag()).with("clock", clock.flag()).with("updates", 8)
            .with("fanout", 2).with("workload-seed", 5);
    }

    private static void assertConvergedAndMonotonic(Run r) {
        assertEquals(StopReason.STOP_CONDITION, r.result().reason(), "did not converge: " + r.result());
        Crdt<?> s1 = r.node(1).state();
        for (int n : SERVERS) {
            assertEquals(s1, r.node(n).state(), "replica " + n + " differs");
            List<ReplicaSnapshot> snaps = r.snapshots(n);
            assertTrue(snaps.size() > 8, "replica " + n + " recorded too little");
            for (int i = 1; i < snaps.size(); i++) {
                assertTrue(Crdt.leqAny(snaps.get(i - 1).crdt(), snaps.get(i).crdt()),
                    "replica " + n + " went down the lattice at its action " + i);
            }
        }
    }

    @Test
    void everyKindConvergesOnALossyNetwork() {
        for (CrdtKind kind : CrdtKind.values()) {
            Run r = run(opts(kind, ClockMode.HLC), 17, FaultPlan.none());
            assertConvergedAndMonotonic(r);
        }
    }

    @Test
    void counterValueIsTheSumOfAcknowledgedIncrements() {
        FaultPlan crash = FaultPlan.of(new FaultEvent.Crash(20, 2), new FaultEvent.Restart(60, 2));
        for (CrdtKind kind : List.of(CrdtKind.G_COUNTER, CrdtKind.PN_COUNTER)) {
            Run r = run(opts(kind, ClockMode.HLC), 23, crash);
            assertConvergedAndMonotonic(r);
            long expected = 0;
            for (int n : SERVERS) {
                ClientWorkload w = new ClientWorkload(kind, n, 3, 5);
                for (int i = 0; i < 8; i++) {
                    expected += w.request(i, Set.of()).amount();
                }
            }
            long value = r.node(1).state() instanceof GCounter g ? g.value() : ((PNCounter) r.node(1).state()).value();
            assertEquals(expected, value, kind.flag());
        }
    }

    /** Node 1's clock runs 100 ticks ahead from the start; one key, so every write competes. */
    private static Run skewed(ClockMode clock, long seed) {
        Options o = opts(CrdtKind.LWW_MAP, clock).with("keys", 1);
        return run(o, seed, FaultPlan.of(new FaultEvent.Skew(0, 1, 100, 100)));
    }

    @Test
    void physicalClockLosesCausallyLaterWritesUnderSkewAndHlcNever() {
        int physicalLost = 0;
        Map<Long, Integer> hlcLost = new HashMap<>();
        for (long seed = 1; seed <= 5; seed++) {
            Run p = skewed(ClockMode.PHYSICAL, seed);
            assertConvergedAndMonotonic(p); // it still converges: just on the wrong value
            physicalLost += (int) p.writes().stream().filter(WriteRecord::lostCausallyLaterWrite).count();
            Run h = skewed(ClockMode.HLC, seed);
            assertConvergedAndMonotonic(h);
            int lost = (int) h.writes().stream().filter(WriteRecord::lostCausallyLaterWrite).count();
            if (lost > 0) {
                hlcLost.put(seed, lost);
            }
            assertEquals(24, h.writes().size());
        }
        assertTrue(physicalLost > 0, "sometimes: skew should make physical LWW drop a causally later write");
        assertEquals(Map.of(), hlcLost, "HLC lost causally later writes (seed -> count)");
    }

    @Test
    void sameSeedSameTrace() {
        Run a = run(opts(CrdtKind.OR_SET, ClockMode.HLC), 31, FaultPlan.none());
        Run b = run(opts(CrdtKind.OR_SET, ClockMode.HLC), 31, FaultPlan.none());
        assertEquals(a.events(), b.events());
    }
}
