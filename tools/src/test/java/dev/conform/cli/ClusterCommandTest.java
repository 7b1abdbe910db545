package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ClusterCommandTest {
    @TempDir
    Path dir;

    @Test
    void statusAndStopOfAnEmptyDirectory() {
        RunCommandTest.Outcome s = RunCommandTest.conform("cluster", "status", "--dir", dir.toString());
        assertEquals(0, s.code());
        assertTrue(s.out().contains("no cluster in " + dir), s.out());
        RunCommandTest.Outcome stop = RunCommandTest.conform("cluster", "stop", "--dir", dir.toString());
        assertEquals(0, stop.code());
        assertTrue(stop.out().contains("stopped 0 nodes"), stop.out());
    }

    @Test
    void unknownAlgorithmIsBadInput() {
        RunCommandTest.Outcome o = RunCommandTest.conform("cluster", "start", "nosuch", "--dir", dir.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("unknown algorithm"), o.err());
    }

    @Test
    @Tag("process")
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void startStatusStopLeavesNoProcess() throws Exception {
        RunCommandTest.Outcome start = RunCommandTest.conform("cluster", "start", "crdt", "--nodes", "2",
                "--dir", dir.toString(), "--option", "updates=2", "--tick-ms", "5");
        try {
            assertEquals(0, start.code(), start.err());
            assertTrue(start.out().contains("started 2 crdt nodes"), start.out());
            RunCommandTest.Outcome status = RunCommandTest.conform("cluster", "status", "--dir", dir.toString());
            assertEquals(2, status.out().lines().filter(l -> l.contains(" up ")).count(), status.out());
        } finally {
            RunCommandTest.Outcome stop = RunCommandTest.conform("cluster", "stop", "--dir", dir.toString());
            assertTrue(stop.out().contains("stopped 2 nodes"), stop.out() + "\nstart said: " + start.out() + start.err() + "\nnode 1 log: " + log(1));
        }
        RunCommandTest.Outcome after = RunCommandTest.conform("cluster", "status", "--dir", dir.toString());
        assertTrue(after.out().contains("no cluster"), after.out());
    }

    /** The node's log, for a failure message; "" when it has none. */
    private String log(int node) throws java.io.IOException {
        java.nio.file.Path f = dir.resolve("node-" + node + ".log");
        return java.nio.file.Files.exists(f) ? java.nio.file.Files.readString(f) : "";
    }

    @Test
    void clientKillRestartAndTraceRejectBadInputWithExitTwo() {
        String d = dir.toString();
        RunCommandTest.Outcome badOp = RunCommandTest.conform("cluster", "client", "put", "k", "--dir", d);
        assertEquals(2, badOp.code());
        assertTrue(badOp.err().contains("not a key-value command"), badOp.err());
        RunCommandTest.Outcome noCluster = RunCommandTest.conform("cluster", "client", "get", "k", "--dir", d);
        assertEquals(2, noCluster.code());
        assertTrue(noCluster.err().contains("no cluster in"), noCluster.err());
        RunCommandTest.Outcome kill = RunCommandTest.conform("cluster", "kill", "5", "--dir", d);
        assertEquals(2, kill.code());
        assertTrue(kill.err().contains("node 5 is not running"), kill.err());
        RunCommandTest.Outcome restart = RunCommandTest.conform("cluster", "restart", "5", "--dir", d);
        assertEquals(2, restart.code());
        assertTrue(restart.err().contains("no node 5"), restart.err());
        RunCommandTest.Outcome trace = RunCommandTest.conform("cluster", "trace", "--dir", d,
                "--out", dir.resolve("m.ndjson").toString());
        assertEquals(2, trace.code());
        assertTrue(trace.err().contains("no traces in"), trace.err());
    }
}
