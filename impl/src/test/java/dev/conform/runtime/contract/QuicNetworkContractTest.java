package dev.conform.runtime.contract;

import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.net.ClusterCredentials;
import dev.conform.runtime.net.TransportKind;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network contract on the QUIC transport over loopback, with the cluster's certificates
 * (QUIC has no unauthenticated mode): one stream per link, so reliable FIFO per link.
 */
class QuicNetworkContractTest extends NetworkContractTest {
    @TempDir
    Path dir;

    @Override
    protected NetSemantics semantics() {
        return NetSemantics.RELIABLE;
    }

    @Override
    protected TestCluster<Probe.Num> start(int servers, Set<Integer> down, Options options) throws Exception {
        Path credentials = dir.resolve("credentials");
        ClusterCredentials.create(credentials, IntStream.rangeClosed(1, servers).boxed().toList());
        return new TcpCluster<>(new Probe(), servers, down, options, dir, TransportKind.QUIC, credentials);
    }
}
