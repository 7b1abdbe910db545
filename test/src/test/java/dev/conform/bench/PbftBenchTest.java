package dev.conform.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The PBFT benchmark stays runnable: a tiny workload through every row, and its table. */
class PbftBenchTest {
    @Test
    void everyRowFinishesItsWorkloadAndTheTableNamesThem() {
        List<PbftBench.Row> rows = PbftBench.measure(4, 1, 1, dev.conform.runtime.NetSemantics.RELIABLE);
        assertEquals(8, rows.size());
        for (PbftBench.Row r : rows) {
            assertTrue(r.finished() && r.sends.total() > 0 && r.bestCpu > 0, r.name);
        }
        // PBFT's three phases to all replicas cost more messages per request than Raft's one round
        PbftBench.Row raft = rows.get(0);
        PbftBench.Row pbft = rows.get(2);
        assertTrue(pbft.sends.betweenServers > raft.sends.betweenServers, pbft.sends.sends + " vs " + raft.sends.sends);
        String table = PbftBench.table(rows, 4, 1, 1);
        assertTrue(table.contains("| 2 | pbft | 7 | 2 Byzantine |"), table);
        assertTrue(table.contains("| 1 | raft | 3 | 1 crash |"), table);
        // both Ed25519 providers, measured in the same run, and how they compare
        assertTrue(table.matches("(?s).*BouncyCastle 1\\.\\d+ \\(PBFT's\\) \\d+ / \\d+, the JDK's \\([^)]*\\) \\d+ / \\d+:"
                + " BouncyCastle is \\d+\\.\\dx as fast to sign and \\d+\\.\\dx as fast to verify.*"), table);
    }
}
