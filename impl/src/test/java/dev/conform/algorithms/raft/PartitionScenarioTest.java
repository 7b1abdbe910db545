package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.Options;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A leader cut off in a minority keeps accepting commands but cannot commit them; the majority
 * elects a new leader whose entries replace the stale ones once the partition heals.
 */
class PartitionScenarioTest {

    @Test
    void minorityLeaderLosesItsUncommittedEntries() {
        Script c = new Script(5, Options.empty().with("snapshotEvery", 0));
        c.elect(1, 2, 3);                    // S1 leads term 1
        c.dropAll();
        c.request(1, 1, "put x stale");     // {S1, S2} | {S3, S4, S5} from here on
        c.exchange(1, 2);
        assertEquals(0, c.server(1).commitIndex(), "two of five is no majority");
        c.dropAll();
        c.elect(3, 4, 5);                    // S3 leads term 2 in the majority
        c.request(3, 2, "put x fresh");
        c.exchange(3, 4, 5);
        assertEquals(1, c.server(3).commitIndex());
        c.dropAll();
        c.fire(3, RaftNode.HEARTBEAT_TIMER); // the partition heals
        c.exchange(3, 1, 2, 4, 5);
        for (int s = 1; s <= 5; s++) {
            assertEquals("101:2:put x fresh", c.server(s).entry(1).value(), "server " + s);
            assertEquals(1, c.server(s).commitIndex(), "server " + s);
        }
        assertEquals(Role.Follower, c.server(1).role());
        assertEquals(2, c.server(1).currentTerm());
        assertTrue(c.actions(1).contains("UpdateTerm"));
        assertEquals(Map.of(), c.violations());
    }
}
