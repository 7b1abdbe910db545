package dev.conform.runtime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.raft.RaftAlgorithm;
import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.algorithms.raft.RaftNode;
import dev.conform.algorithms.raft.Role;
import dev.conform.runtime.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SteppedSimulatorTest {
    private static final Options OPTIONS = Options.empty().with("electionMin", 10).with("electionMax", 20)
            .with("heartbeat", 5);

    /** The messages {@code sim} loses from now on, as "from->to reason". */
    private static List<String> drops(SteppedSimulator<RaftMessage> sim) {
        List<String> lost = new ArrayList<>();
        sim.listener(new SteppedSimulator.Listener<>() {
            @Override
            public void dropped(SteppedSimulator.InFlight<RaftMessage> m, String reason) {
                lost.add(m.from() + "->" + m.to() + " " + reason);
            }
        });
        return lost;
    }

    private static SteppedSimulator<RaftMessage> cluster() {
        return new SteppedSimulator<>(new RaftAlgorithm(), 3, OPTIONS);
    }

    @Test
    void nothingHappensUntilTheCallerSteps() {
        SteppedSimulator<RaftMessage> sim = cluster();
        assertTrue(sim.inFlight().isEmpty());
        assertEquals(20L, sim.timers(1).get("election"), "armed for the top of its range");
        assertTrue(sim.fire(1, "election"));
        assertEquals(2, sim.inFlight().size());
        assertFalse(sim.fire(1, "heartbeat"), "not armed");
    }

    @Test
    void tickFiresDueTimersInDueOrder() {
        SteppedSimulator<RaftMessage> sim = cluster();
        assertTrue(sim.tick(19).isEmpty());
        List<SteppedSimulator.Fired> fired = sim.tick(1);
        assertEquals(List.of(new SteppedSimulator.Fired(20, 1, "election"),
                new SteppedSimulator.Fired(20, 2, "election"),
                new SteppedSimulator.Fired(20, 3, "election")), fired);
        assertEquals(20, sim.now());
    }

    @Test
    void aCrashLosesMessagesInFlightToTheNodeAndARestartReadsItsDisk() {
        SteppedSimulator<RaftMessage> sim = cluster();
        List<String> lost = drops(sim);
        sim.fire(1, "election");
        sim.crash(2);
        assertEquals(List.of("1->2 crashed"), lost);
        assertNull(sim.node(2));
        sim.restart(2);
        assertEquals(0, ((RaftNode) sim.node(2)).currentTerm());
        sim.deliver(sim.inFlight().get(0)); // 1->3
        sim.deliver(sim.inFlight().get(0)); // 3->1 granted
        assertEquals(Role.Leader, ((RaftNode) sim.node(1)).role());
        sim.crash(1);
        sim.restart(1);
        RaftNode back = (RaftNode) sim.node(1);
        assertEquals(Role.Follower, back.role());
        assertEquals(1, back.currentTerm());
        assertEquals(1, back.votedFor());
    }

    /** A wipe loses what a crashed node persisted (it restarts as new); on a running node it changes nothing. */
    @Test
    void aWipeLosesTheDiskOfACrashedNodeOnly() {
        SteppedSimulator<RaftMessage> sim = cluster();
        sim.fire(1, "election"); // node 1 persisted term 1, its own vote
        assertFalse(sim.wipe(1), "up: no disk loss");
        sim.crash(1);
        assertTrue(sim.wipe(1));
        assertNull(sim.persisted(1));
        sim.restart(1);
        assertEquals(0, ((RaftNode) sim.node(1)).currentTerm());
        assertEquals(0, ((RaftNode) sim.node(1)).votedFor());
    }

    @Test
    void aPartitionDropsAtSendAndAtDelivery() {
        SteppedSimulator<RaftMessage> sim = cluster();
        List<String> lost = drops(sim);
        sim.fire(1, "election"); // 1->2 and 1->3 in flight
        sim.partition(List.of(Set.of(1)));
        assertEquals(List.of(Set.of(1), Set.of(2, 3)), sim.groups());
        assertFalse(sim.deliver(sim.inFlight().get(0)));
        sim.fire(1, "election");
        assertEquals(List.of("1->2 partitioned", "1->2 partitioned", "1->3 partitioned"), lost);
        sim.heal();
        assertTrue(sim.deliver(sim.inFlight().get(0)));
    }
}
