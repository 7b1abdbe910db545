package dev.conform.runtime.contract;

import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.net.ClusterCredentials;
import dev.conform.runtime.net.TransportKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network contract on the UDP transport over loopback, with authentication on: UDP promises
 * only that what arrives was sent (it may lose, duplicate and reorder), so the expectations are
 * those of the unreliable network.
 */
class UdpNetworkContractTest extends NetworkContractTest {
    @TempDir
    Path dir;

    @Override
    protected NetSemantics semantics() {
        return NetSemantics.UNRELIABLE;
    }

    @Override
    protected TestCluster<Probe.Num> start(int servers, Set<Integer> down, Options options) throws Exception {
        Path credentials = dir.resolve("credentials");
        ClusterCredentials.create(credentials, List.of(1, 2, 3).subList(0, servers));
        return new TcpCluster<>(new Probe(), servers, down, options, dir, TransportKind.UDP, credentials);
    }
}
