package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.Options;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each teaching flaw, shown observable: the same scripted schedule is safe with the correct
 * algorithm and commits two different entries at one index with the flaw on.
 */
class FlawScenarioTest {
    private static final Options BASE = Options.empty().with("snapshotEvery", 0);

    private static Options flawed(RaftFlaw flaw) {
        return BASE.withFlaw(flaw.specName());
    }

    /**
     * S1 commits A at index 1 with S2. S3, with an empty log, asks S2 for a vote: a correct S2
     * refuses; a flawed S2 elects S3, which overwrites index 1 with B and commits it.
     */
    private static Script voteScenario(Options config) {
        Script c = new Script(3, config);
        c.elect(1, 2);
        c.request(1, 1, "put x A");
        c.exchange(1, 2);
        assertEquals(1, c.server(1).commitIndex());
        c.dropAll();
        c.fire(3, RaftNode.ELECTION_TIMER); // S3 term 1: S2 voted for S1 already
        c.dropAll();
        c.elect(3, 2);                      // S3 term 2
        if (c.server(3).role() == Role.Leader) {
            c.request(3, 2, "put x B");
            c.exchange(3, 2);
        }
        return c;
    }

    @Test
    void voteWithoutLogCheckLosesACommittedEntry() {
        Script ok = voteScenario(BASE);
        assertEquals(Role.Candidate, ok.server(3).role());
        assertEquals(Map.of(), ok.violations());

        Script bad = voteScenario(flawed(RaftFlaw.VOTE_WITHOUT_LOG_CHECK));
        assertEquals(Role.Leader, bad.server(3).role());
        assertTrue(bad.violations().getOrDefault("StateMachineSafety", "").contains("different entries at index 1"),
                bad.violations().toString());
    }

    /**
     * Figure 8 of the Raft paper with five servers. With the flaw S1 commits its term-1 entry
     * X in term 3 by counting; S5 later wins term 4 and overwrites X with its term-2 entry Y.
     */
    private static Script figure8(Options config) {
        Script c = new Script(5, config);
        c.elect(1, 2, 3);                   // S1 leads term 1
        c.request(1, 1, "put x X");
        c.exchange(1, 2);                   // X on S1, S2
        c.dropAll();
        c.fire(5, RaftNode.ELECTION_TIMER); // S5 term 1: S3 voted for S1 already
        c.dropAll();
        c.elect(5, 3, 4);                   // S5 leads term 2
        c.request(5, 2, "put x Y");         // Y only on S5
        c.dropAll();
        c.reboot(1);
        c.reboot(5);
        c.fire(1, RaftNode.ELECTION_TIMER); // S1 term 2: S3, S4 voted for S5 already
        c.dropAll();
        c.elect(1, 2, 3, 4);                // S1 leads term 3
        assertEquals(Role.Leader, c.server(1).role());
        assertEquals(3, c.server(1).currentTerm());
        c.exchange(1, 2, 3);                // X on S1, S2, S3: a majority, but of term 1
        c.dropAll();
        c.fire(5, RaftNode.ELECTION_TIMER); // S5 term 3: everyone voted in term 3 already
        c.dropAll();
        c.elect(5, 2, 3, 4);                // S5 leads term 4 (its last term 2 beats 1)
        assertEquals(Role.Leader, c.server(5).role());
        c.request(5, 3, "put x W");
        c.exchange(5, 2, 3, 4);             // Y, W overwrite X on S2, S3, S4 and commit
        return c;
    }

    @Test
    void committingOldTermEntriesByCountingIsUnsafe() {
        Script ok = figure8(BASE);
        assertEquals(Map.of(), ok.violations());
        assertEquals(2, ok.server(5).commitIndex());

        Script bad = figure8(flawed(RaftFlaw.COMMIT_OLD_TERM_BY_COUNTING));
        String unsafe = bad.violations().getOrDefault("StateMachineSafety", "");
        assertTrue(unsafe.contains("put x X") && unsafe.contains("put x Y"), bad.violations().toString());
    }

    @Test
    void correctLeaderCommitsOldEntryOnlyWithACurrentTermEntry() {
        Script c = new Script(5, BASE);
        c.elect(1, 2, 3);
        c.request(1, 1, "put x X");
        c.exchange(1, 2);
        c.dropAll();
        c.reboot(1);
        c.elect(1, 2, 3, 4);                 // S1 leads term 2
        c.dropAll();
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
    private static Script appendScenario(Options config) {
        Script c = new Script(3, config);
        c.elect(3, 2);                      // S3 leads term 1
        c.request(3, 1, "put x Z");
        c.dropAll();
        c.reboot(3);
        c.fire(1, RaftNode.ELECTION_TIMER); // S1 term 1: S2 voted for S3 already
        c.dropAll();
        c.elect(1, 2);                      // S1 leads term 2
        c.request(1, 2, "put x A");
        c.exchange(1, 2);
        c.dropAll();
        c.reboot(1);
        c.elect(1, 2);                      // S1 leads term 3
        c.dropAll();
        c.request(1, 3, "put x B");
        c.exchange(1, 3);
        c.dropAll();
        c.fire(1, RaftNode.HEARTBEAT_TIMER); // tells S3 the commit index
        c.exchange(1, 3);
        return c;
    }

    @Test
    void appendWithoutPrevCheckBreaksLogMatching() {
        Script ok = appendScenario(BASE);
        assertEquals(Map.of(), ok.violations());
        assertEquals("101:2:put x A", ok.server(3).entry(1).value());
        assertEquals(2, ok.server(3).commitIndex());

        Script bad = appendScenario(flawed(RaftFlaw.APPEND_WITHOUT_PREV_CHECK));
        assertEquals("101:1:put x Z", bad.server(3).entry(1).value());
        assertEquals("101:3:put x B", bad.server(3).entry(2).value());
        assertTrue(bad.violations().getOrDefault("StateMachineSafety", "").contains("different entries at index 1"),
                bad.violations().toString());
    }

    /** S1 and S2 both time out in term 1; S3 answers both. Flawed, it grants both votes. */
    private static Script doubleVote(Options config) {
        Script c = new Script(3, config);
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
        Script ok = doubleVote(BASE);
        assertEquals(Role.Leader, ok.server(1).role());
        assertEquals(Role.Candidate, ok.server(2).role());
        assertEquals(Map.of(), ok.violations());

        Script bad = doubleVote(flawed(RaftFlaw.VOTE_TWICE));
        assertEquals(Role.Leader, bad.server(1).role());
        assertEquals(Role.Leader, bad.server(2).role());
        assertEquals(Set.of("ElectionSafety"), bad.violations().keySet());
        assertTrue(bad.violations().get("ElectionSafety").contains("servers 1 and 2 both lead term 1"),
                bad.violations().toString());
    }
}
