package dev.conform.runtime.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIGKILLed QUIC node tells nobody (UDP has no reset): its peers' connections to it must still
 * close (idle timeout) and be re-dialled to its new port, so the restarted node hears from them
 * again within seconds, not after minutes.
 */
@Tag("process")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class QuicRestartTest {
    @TempDir
    Path dir;

    @Test
    void aKilledAndRestartedNodeHearsFromItsPeersAgain() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<ProcessHandle> procs = new ArrayList<>();
        try {
            procs.addAll(ClusterLauncher.start("raft", 3, dir, cp, TransportKind.QUIC, List.of("--tick-ms", "10")));
            awaitDelivered(3, "before the kill");
            ClusterLauncher.kill(dir, 3);
            procs.add(ClusterLauncher.restart(dir, 3));
            awaitDelivered(3, "after the restart (status.json counts from the new process's start)");
        } finally {
            ClusterLauncher.stop(dir);
            procs.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Waits up to 30 s until node {@code id}'s current process has delivered at least one frame. */
    private void awaitDelivered(int id, String when) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            for (ClusterLauncher.NodeStatus s : ClusterLauncher.status(dir)) {
                if (s.id() == id && s.alive() && s.status().get("delivered") instanceof Number n && n.longValue() > 0) {
                    return;
                }
            }
            assertTrue(System.nanoTime() < deadline, "node " + id + " delivered nothing " + when + ": "
                    + ClusterLauncher.status(dir));
            Thread.sleep(100);
        }
    }
}
