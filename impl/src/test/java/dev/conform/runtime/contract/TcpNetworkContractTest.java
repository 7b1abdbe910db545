package dev.conform.runtime.contract;

import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/** The network contract on the Netty TCP transport over loopback. */
class TcpNetworkContractTest extends NetworkContractTest {
    @TempDir
    Path dir;

    @Override
    protected NetSemantics semantics() {
        return NetSemantics.RELIABLE;
    }

    @Override
    protected TestCluster<Probe.Num> start(int servers, Set<Integer> down, Options options) throws Exception {
        return new TcpCluster<>(new Probe(), servers, down, options, dir);
    }
}
