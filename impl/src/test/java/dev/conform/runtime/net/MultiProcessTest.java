package dev.conform.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.MemorySink;
import dev.conform.tracing.io.TraceReader;
import dev.conform.tracing.merge.TraceMerger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;

/** Three broadcast nodes as three OS processes over TCP on loopback, started and stopped here. */
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MultiProcessTest {
    @TempDir
    Path dir;

    @Test
    void threeProcessesBroadcastEverythingAndLeaveNothingBehind() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<ProcessHandle> procs = new ArrayList<>();
        try {
            procs.addAll(ClusterLauncher.start("broadcast", 3, dir, cp,
                    List.of("--option", "count=5", "--tick-ms", "5")));
            assertEquals(3, procs.size());
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (!allDelivered(15) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(allDelivered(15), "every node delivered 3 x 5 values: " + ClusterLauncher.status(dir));
            assertEquals(3, ClusterLauncher.stop(dir));
        } finally {
            ClusterLauncher.stop(dir);
            for (ProcessHandle p : procs) {
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            }
        }
        for (ProcessHandle p : procs) {
            assertFalse(p.isAlive(), "process " + p.pid() + " left behind");
        }
        assertTrue(ClusterLauncher.status(dir).isEmpty(), "pid files removed");
        for (int i = 1; i <= 3; i++) {
            int deliveries = 0;
            int actions = 0;
            try (TraceReader r = TraceReader.open(dir.resolve("node-" + i + ".ndjson"))) {
                assertEquals("conform-net 0.1.0", r.header().producer());
                for (TraceEvent e = r.next(); e != null; e = r.next()) {
                    assertEquals(i, e.node());
                    assertEquals(-1, e.seq());
                    assertTrue(e.vc() != null && e.lamport() > 0);
                    deliveries += e.kind() == EventKind.DELIVER ? 1 : 0;
                    actions += "Deliver".equals(e.action()) ? 1 : 0;
                }
            }
            assertEquals(15, actions, "node " + i);
            assertTrue(deliveries >= 10);
            assertTrue(Files.exists(dir.resolve("node-" + i).resolve("state.json")));
        }
        // The three per-node traces merge causally into one (every delivery after its send).
        MemorySink merged = new MemorySink();
        long n = TraceMerger.merge(List.of(dir.resolve("node-1.ndjson"), dir.resolve("node-2.ndjson"),
                dir.resolve("node-3.ndjson")), merged);
        assertEquals(n, merged.size());
        assertEquals(45, merged.events().stream().filter(e -> "Deliver".equals(e.action())).count());
    }

    private boolean allDelivered(int want) throws Exception {
        List<ClusterLauncher.NodeStatus> all = ClusterLauncher.status(dir);
        if (all.size() != 3) {
            return false;
        }
        for (ClusterLauncher.NodeStatus s : all) {
            Object actions = s.status().get("actions");
            if (!(actions instanceof Map<?, ?> m) || !(m.get("Deliver") instanceof Number n) || n.intValue() < want) {
                return false;
            }
        }
        return true;
    }
}
