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
 * The network contract on the TCP transport with mutual TLS 1.3 (the cluster's certificates),
 * as {@code conform cluster start} runs it: authentication must not cost any guarantee.
 */
class TlsTcpNetworkContractTest extends NetworkContractTest {
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
        return new TcpCluster<>(new Probe(), servers, down, options, dir, TransportKind.TCP, credentials);
    }
}
