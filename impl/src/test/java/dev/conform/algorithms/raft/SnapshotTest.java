package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.raft.RaftMessage.ClientRequest;
import dev.conform.algorithms.raft.RaftMessage.InstallSnapshot;
import dev.conform.algorithms.raft.kv.KvStateMachine;
import dev.conform.runtime.RecordingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotTest {
    private static final RaftConfig EVERY_TWO = RaftConfig.defaults().withSnapshotEvery(2);

    @Test
    void singleServerSnapshotsEveryTwoAppliedEntriesAndRestartsFromIt() {
        KvStateMachine sm = new KvStateMachine();
        RaftNode n = new RaftNode(EVERY_TWO, List.of(1), sm, null);
        RecordingContext<RaftMessage> c = new RecordingContext<>(1, List.of(1));
        n.onStart(c);
        n.onTimer(c, "election");
        assertEquals(Role.Leader, n.role());
        for (int i = 1; i <= 5; i++) {
            n.onMessage(c, 101, new ClientRequest(101, i, "put k" + i + " v" + i));
        }
        assertEquals(5, n.commitIndex());
        assertEquals(4, n.snapshotIndex());
        assertEquals(2, Servers.actionNames(c).stream().filter("TakeSnapshot"::equals).count());
        RaftPersistentState p = (RaftPersistentState) c.persisted;
        assertEquals(4, p.snapshotIndex());
        assertEquals(1, p.log().size());

        KvStateMachine restored = new KvStateMachine();
        RaftNode back = new RaftNode(EVERY_TWO, List.of(1), restored, p);
        assertEquals(4, back.commitIndex());
        assertEquals("v4", restored.read("k4"));
        assertEquals(null, restored.read("k5"), "entry 5 is re-applied once committed again");
    }

    @Test
    void laggingFollowerGetsTheSnapshotThenTheRest() {
        Cluster c = new Cluster(3, 3, EVERY_TWO);
        c.manual = true;
        c.start();
        c.elect(1, 2);
        for (int i = 1; i <= 5; i++) {
            c.request(1, i, "put k" + i + " v" + i);
            c.exchange(1, 2);
        }
        assertEquals(4, c.server(1).snapshotIndex());
        c.dropHeld();
        c.fire(1, RaftNode.HEARTBEAT_TIMER);
        // S3 never answered: its nextIndex is still 1, inside the leader's snapshot.
        assertTrue(c.held.stream().anyMatch(e -> e.to() == 3
                && e.msg().equals(new InstallSnapshot(1, 4, 1, c.server(1).persistentState().snapshotData()))));
        c.exchange(1, 3);
        assertTrue(c.actions.contains("3:HandleInstallSnapshot"));
        assertTrue(c.actions.contains("1:HandleInstallSnapshotResponse"));
        assertEquals(5, c.server(3).lastLogIndex());
        c.fire(1, RaftNode.HEARTBEAT_TIMER);
        c.exchange(1, 3);
        assertEquals(5, c.server(3).commitIndex());
        assertEquals(((KvStateMachine) c.server(1).stateMachine()).contents(),
                ((KvStateMachine) c.server(3).stateMachine()).contents());
        assertTrue(c.violations.isEmpty(), c.violations.toString());
    }
}
