package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.raft.kv.KvClientNode;
import dev.conform.algorithms.raft.kv.KvStateMachine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole clusters driven by the seeded test pump: a leader is elected, client workloads
 * complete, and the safety checks of {@link Cluster} hold, also with message loss, crashes and
 * snapshots. Every run is a function of its seed.
 */
class PumpRunTest {

    @ParameterizedTest
    @ValueSource(ints = {3, 5})
    void electsALeaderAndCommitsClientWrites(int n) {
        Cluster c = new Cluster(7, n, RaftConfig.defaults());
        KvClientNode client = c.addClient(11, 20);
        c.start();
        assertTrue(c.runUntil(() -> c.leader() != 0, 100_000), "a leader is elected");
        assertTrue(c.runUntil(client::done, 200_000), "the workload completes");
        assertTrue(c.violations.isEmpty(), c.violations.toString());
        assertEquals(20, client.history().size());
        assertEquals(List.of(), KvReplayCheck.check(c.committedValues(), c.clients()));
        // Let the followers learn the final commit index, then compare the stores.
        c.runUntil(() -> false, 2_000);
        KvStateMachine leaderStore = (KvStateMachine) c.server(c.leader()).stateMachine();
        for (int s : c.servers) {
            assertEquals(leaderStore.contents(), ((KvStateMachine) c.server(s).stateMachine()).contents(),
                    "server " + s);
        }
    }

    @Test
    void sameSeedSameRun() {
        assertEquals(run(42), run(42));
        assertNotEquals(run(42), run(43));
    }

    private static List<String> run(long seed) {
        Cluster c = new Cluster(seed, 3, RaftConfig.defaults());
        c.addClient(seed, 5);
        c.start();
        c.runUntil(() -> false, 5_000);
        return c.actions;
    }

    @Test
    void survivesLossCrashesAndSnapshotsOverManySeeds() {
        List<String> failures = new ArrayList<>();
        int snapshots = 0;
        int installs = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Cluster c = new Cluster(seed, 5, RaftConfig.defaults().withSnapshotEvery(4));
            c.dropRate = 0.05;
            KvClientNode a = c.addClient(seed * 31, 15);
            KvClientNode b = c.addClient(seed * 37, 15);
            c.start();
            c.runUntil(() -> c.leader() != 0, 100_000);
            int victim = c.leader();
            c.crash(victim);
            c.runUntil(() -> c.leader() != 0, 100_000);
            c.runUntil(() -> false, 3_000);
            c.restart(victim);
            boolean done = c.runUntil(() -> a.done() && b.done(), 400_000);
            List<String> lin = KvReplayCheck.check(c.committedValues(), c.clients());
            if (!done || !c.violations.isEmpty() || !lin.isEmpty()) {
                failures.add("seed " + seed + ": done=" + done + " " + c.violations + " " + lin);
            }
            snapshots += count(c.actions, "TakeSnapshot");
            installs += count(c.actions, "HandleInstallSnapshot");
        }
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(snapshots > 0, "sometimes: snapshots were taken");
        assertTrue(installs > 0, "sometimes: a follower installed a snapshot");
    }

    private static int count(List<String> actions, String name) {
        int k = 0;
        for (String a : actions) {
            if (a.endsWith(":" + name)) {
                k++;
            }
        }
        return k;
    }
}
