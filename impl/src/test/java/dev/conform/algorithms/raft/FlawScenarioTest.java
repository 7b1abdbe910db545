package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each teaching flaw, shown observable: the same scripted schedule is safe with the correct
 * algorithm and commits two different entries at one index with the flaw on.
 */
class FlawScenarioTest {
    private static final RaftConfig BASE = RaftConfig.defaults().withSnapshotEvery(0);

    private static Cluster scripted(int n, RaftConfig config) {
        Cluster c = new Cluster(1, n, config);
        c.manual = true;
        c.start();
        return c;
    }

    /**
     * S1 commits A at index 1 with S2. S3, with an empty log, asks S2 for a vote: a correct S2
     * refuses; a flawed S2 elects S3, which overwrites index 1 with B and commits it.
     */
    private static Cluster voteScenario(RaftConfig config) {
        Cluster c = scripted(3, config);
        c.elect(1, 2);
        c.request(1, 1, "put x A");
        c.exchange(1, 2);
        assertEquals(1, c.server(1).commitIndex());
        c.dropHeld();
        c.fire(3, RaftNode.ELECTION_TIMER); // S3 term 1: S2 voted for S1 already
        c.dropHeld();
        c.elect(3, 2);                      // S3 term 2
        if (c.server(3).role() == Role.Leader) {
            c.request(3, 2, "put x B");
            c.exchange(3, 2);
        }
        return c;
    }

    @Test
    void voteWithoutLogCheckLosesACommittedEntry() {
        Cluster ok = voteScenario(BASE);
        assertEquals(Role.Candidate, ok.server(3).role());
        assertTrue(ok.violations.isEmpty(), ok.violations.toString());

        Cluster bad = voteScenario(BASE.withFlaw(RaftFlaw.VOTE_WITHOUT_LOG_CHECK));
        assertEquals(Role.Leader, bad.server(3).role());
        assertFalse(bad.violations.isEmpty());
        assertTrue(bad.violations.get(0).startsWith("index 1 committed as"), bad.violations.toString());
    }

    /**
     * Figure 8 of the Raft paper with five servers. With the flaw S1 commits its term-1 entry
     * X in term 3 by counting; S5 later wins term 4 and overwrites X with its term-2 entry Y.
     */
    private static Cluster figure8(RaftConfig config) {
        Cluster c = scripted(5, config);
        c.elect(1, 2, 3);                   // S1 leads term 1
        c.request(1, 1, "put x X");
        c.exchange(1, 2);                   // X on S1, S2
        c.dropHeld();
        c.fire(5, RaftNode.ELECTION_TIMER); // S5 term 1: S3 voted for S1 already
        c.dropHeld();
        c.elect(5, 3, 4);                   // S5 leads term 2
        c.request(5, 2, "put x Y");         // Y only on S5
        c.dropHeld();
        c.reboot(1);
        c.reboot(5);
        c.fire(1, RaftNode.ELECTION_TIMER); // S1 term 2: S3, S4 voted for S5 already
        c.dropHeld();
        c.elect(1, 2, 3, 4);                // S1 leads term 3
        assertEquals(Role.Leader, c.server(1).role());
        assertEquals(3, c.server(1).currentTerm());
        c.exchange(1, 2, 3);                // X on S1, S2, S3: a majority, but of term 1
        c.dropHeld();
        c.fire(5, RaftNode.ELECTION_TIMER); // S5 term 3: everyone voted in term 3 already
        c.dropHeld();
        c.elect(5, 2, 3, 4);                // S5 leads term 4 (its last term 2 beats 1)
        assertEquals(Role.Leader, c.server(5).role());
        c.request(5, 3, "put x W");
        c.exchange(5, 2, 3, 4);             // Y, W overwrite X on S2, S3, S4 and commit
        return c;
    }

    @Test
    void committingOldTermEntriesByCountingIsUnsafe() {
        Cluster ok = figure8(BASE);
        assertTrue(ok.violations.isEmpty(), ok.violations.toString());
        assertEquals(2, ok.server(5).commitIndex());

        Cluster bad = figure8(BASE.withFlaw(RaftFlaw.COMMIT_OLD_TERM_BY_COUNTING));
        assertFalse(bad.violations.isEmpty());
        assertTrue(bad.violations.get(0).contains("put x X") && bad.violations.get(0).contains("put x Y"),
                bad.violations.toString());
    }

    @Test
    void correctLeaderCommitsOldEntryOnlyWithACurrentTermEntry() {
        Cluster c = scripted(5, BASE);
        c.elect(1, 2, 3);
        c.request(1, 1, "put x X");
        c.exchange(1, 2);
        c.dropHeld();
        c.reboot(1);
        c.elect(1, 2, 3, 4);                 // S1 leads term 2
        c.dropHeld();
        c.fire(1, RaftNode.HEARTBEAT_TIMER);
        c.exchange(1, 2, 3);
        assertEquals(0, c.server(1).commitIndex(), "term-1 entry on a majority is not committed");
        c.request(1, 2, "put x Z");
        c.exchange(1, 2, 3);
        assertEquals(2, c.server(1).commitIndex(), "committed with the term-2 entry");
    }

    /**
     * S3 briefly leads term 1 and keeps an uncommitted Z at index 1. S1 then leads term 2,
     * commits A at index 1 with S2, reboots and leads term 3 (nextIndex of S3 = 2). Its
     * AppendEntries for B (prev = 1, prevTerm = 2) reaches S3: a correct S3 rejects it since
     * its index 1 has term 1; a flawed S3 accepts, keeps Z and commits index 1 = Z.
     */
    private static Cluster appendScenario(RaftConfig config) {
        Cluster c = scripted(3, config);
        c.elect(3, 2);                      // S3 leads term 1
        c.request(3, 1, "put x Z");
        c.dropHeld();
        c.reboot(3);
        c.fire(1, RaftNode.ELECTION_TIMER); // S1 term 1: S2 voted for S3 already
        c.dropHeld();
        c.elect(1, 2);                      // S1 leads term 2
        c.request(1, 2, "put x A");
        c.exchange(1, 2);
        c.dropHeld();
        c.reboot(1);
        c.elect(1, 2);                      // S1 leads term 3
        c.dropHeld();
        c.request(1, 3, "put x B");
        c.exchange(1, 3);
        c.dropHeld();
        c.fire(1, RaftNode.HEARTBEAT_TIMER); // tells S3 the commit index
        c.exchange(1, 3);
        return c;
    }

    @Test
    void appendWithoutPrevCheckBreaksLogMatching() {
        Cluster ok = appendScenario(BASE);
        assertTrue(ok.violations.isEmpty(), ok.violations.toString());
        assertEquals("101:2:put x A", ok.server(3).entry(1).value());
        assertEquals(2, ok.server(3).commitIndex());

        Cluster bad = appendScenario(BASE.withFlaw(RaftFlaw.APPEND_WITHOUT_PREV_CHECK));
        assertEquals("101:1:put x Z", bad.server(3).entry(1).value());
        assertEquals("101:3:put x B", bad.server(3).entry(2).value());
        assertFalse(bad.violations.isEmpty());
        assertTrue(bad.violations.get(0).startsWith("index 1 committed as"), bad.violations.toString());
    }

    /** S1 and S2 both time out in term 1; S3 answers both. Flawed, it grants both votes. */
    private static Cluster doubleVote(RaftConfig config) {
        Cluster c = scripted(3, config);
        c.fire(1, RaftNode.ELECTION_TIMER);
        c.fire(2, RaftNode.ELECTION_TIMER);
        c.deliver(1, 3);
        c.deliver(2, 3);
        c.deliver(3, 1);
        c.deliver(3, 2);
        return c;
    }

    @Test
    void voteTwiceElectsTwoLeadersInOneTerm() {
        Cluster ok = doubleVote(BASE);
        assertEquals(Role.Leader, ok.server(1).role());
        assertEquals(Role.Candidate, ok.server(2).role());
        assertTrue(ok.violations.isEmpty(), ok.violations.toString());

        Cluster bad = doubleVote(BASE.withFlaw(RaftFlaw.VOTE_TWICE));
        assertEquals(Role.Leader, bad.server(1).role());
        assertEquals(Role.Leader, bad.server(2).role());
        assertEquals(List.of("two leaders in term 1: 1 and 2"), bad.violations);
    }
}
