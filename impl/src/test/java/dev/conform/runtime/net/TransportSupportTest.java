package dev.conform.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.NetSemantics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which algorithms run over UDP: those written for an unreliable network (they retransmit what
 * they need and tolerate copies); an algorithm that relies on reliable links is refused before
 * any process starts. TCP carries everything.
 */
class TransportSupportTest {
    @TempDir
    Path dir;

    @Test
    void udpCarriesOnlyAlgorithmsWrittenForAnUnreliableNetwork() {
        int refused = 0;
        for (Algorithm<?> a : Algorithms.all()) {
            Transports.requireSupport(a, TransportKind.TCP);
            if (a.defaultNet() == NetSemantics.UNRELIABLE) {
                Transports.requireSupport(a, TransportKind.UDP);
            } else {
                refused++;
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> Transports.requireSupport(a, TransportKind.UDP));
                assertTrue(e.getMessage().contains(a.name()) && e.getMessage().contains("tcp or quic"), e.getMessage());
            }
        }
        assertTrue(refused > 0, "the reliable FIFO broadcast of the tests is refused");
        Transports.requireSupport(Algorithms.byName("raft"), TransportKind.UDP);
        Transports.requireSupport(Algorithms.byName("paxos"), TransportKind.UDP);
    }

    @Test
    void aClusterOfAnAlgorithmUdpCannotCarryNeverStarts() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterLauncher.start(
                "broadcast", 3, dir, System.getProperty("java.class.path"), TransportKind.UDP, List.of()));
        assertEquals("algorithm broadcast is written for a reliable network (it does not retransmit what UDP loses):"
                + " run it over tcp or quic", e.getMessage());
        assertFalse(Files.exists(dir.resolve("cluster.json")), "nothing was started or written");
        assertTrue(ClusterLauncher.status(dir).isEmpty());
    }

    @Test
    void aUdpNodeWithoutKeysDoesNotStart() {
        String[] args = {"--algorithm", "raft", "--id", "1", "--peers", "1=127.0.0.1:0,2=127.0.0.1:0", "--data",
            dir.toString(), "--transport", "udp"};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NodeArgs.parse(args));
        assertTrue(e.getMessage().contains("--credentials"), e.getMessage());
        String[] withKeys = java.util.Arrays.copyOf(args, args.length + 2);
        withKeys[args.length] = "--credentials";
        withKeys[args.length + 1] = dir.resolve("credentials").toString();
        assertEquals(TransportKind.UDP, NodeArgs.parse(withKeys).transport());
    }
}
