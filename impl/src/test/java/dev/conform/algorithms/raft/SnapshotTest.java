package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.raft.RaftMessage.InstallSnapshot;
import dev.conform.algorithms.raft.kv.KvStateMachine;
import dev.conform.runtime.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotTest {
    private static final Options EVERY_TWO = Options.empty().with("snapshotEvery", 2);

    @Test
    void singleServerSnapshotsEveryTwoAppliedEntriesAndRestartsFromIt() {
        Script c = new Script(1, EVERY_TWO);
        c.fire(1, RaftNode.ELECTION_TIMER);
        RaftNode n = c.server(1);
        assertEquals(Role.Leader, n.role());
        for (int i = 1; i <= 5; i++) {
            c.request(1, i, "put k" + i + " v" + i);
        }
        assertEquals(5, n.commitIndex());
        assertEquals(4, n.snapshotIndex());
        assertEquals(2, c.actions(1).stream().filter("TakeSnapshot"::equals).count());
        assertEquals(Map.of(), c.violations());
        RaftPersistentState p = (RaftPersistentState) c.sim.persisted(1);
        assertEquals(4, p.snapshotIndex());
        assertEquals(1, p.log().size());

        KvStateMachine restored = new KvStateMachine();
        RaftNode back = new RaftNode(RaftAlgorithm.config(EVERY_TWO), List.of(1), restored, p);
        assertEquals(4, back.commitIndex());
        assertEquals("v4", restored.read("k4"));
        assertEquals(null, restored.read("k5"), "entry 5 is re-applied once committed again");
    }

    @Test
    void laggingFollowerGetsTheSnapshotThenTheRest() {
        Script c = new Script(3, EVERY_TWO);
        c.elect(1, 2);
        for (int i = 1; i <= 5; i++) {
            c.request(1, i, "put k" + i + " v" + i);
            c.exchange(1, 2);
        }
        assertEquals(4, c.server(1).snapshotIndex());
        c.dropAll();
        c.fire(1, RaftNode.HEARTBEAT_TIMER);
        // S3 never answered: its nextIndex is still 1, inside the leader's snapshot.
        assertTrue(c.sim.inFlight().stream().anyMatch(e -> e.to() == 3
                && e.msg().equals(new InstallSnapshot(1, 4, 1, c.server(1).persistentState().snapshotData()))));
        c.exchange(1, 3);
        assertTrue(c.actions(3).contains("HandleInstallSnapshot"));
        assertTrue(c.actions(1).contains("HandleInstallSnapshotResponse"));
        assertEquals(5, c.server(3).lastLogIndex());
        c.fire(1, RaftNode.HEARTBEAT_TIMER);
        c.exchange(1, 3);
        assertEquals(5, c.server(3).commitIndex());
        assertEquals(((KvStateMachine) c.server(1).stateMachine()).contents(),
                ((KvStateMachine) c.server(3).stateMachine()).contents());
        assertEquals(Map.of(), c.violations());
    }
}
