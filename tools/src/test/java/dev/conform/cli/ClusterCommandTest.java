package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
    void startStatusStopLeavesNoProcess() throws Exception {
        RunCommandTest.Outcome start = RunCommandTest.conform("cluster", "start", "broadcast", "--nodes", "2",
                "--dir", dir.toString(), "--option", "count=2", "--tick-ms", "5");
        try {
            assertEquals(0, start.code(), start.err());
            assertTrue(start.out().contains("started 2 broadcast nodes"), start.out());
            RunCommandTest.Outcome status = RunCommandTest.conform("cluster", "status", "--dir", dir.toString());
            assertEquals(2, status.out().lines().filter(l -> l.contains(" up ")).count(), status.out());
        } finally {
            RunCommandTest.Outcome stop = RunCommandTest.conform("cluster", "stop", "--dir", dir.toString());
            assertTrue(stop.out().contains("stopped 2 nodes"), stop.out());
        }
        RunCommandTest.Outcome after = RunCommandTest.conform("cluster", "status", "--dir", dir.toString());
        assertTrue(after.out().contains("no cluster"), after.out());
    }
}
