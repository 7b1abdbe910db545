package dev.conform.runtime.contract;

import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.sim.SimConfig;
import java.util.Set;

/** The network contract on the simulator's reliable (TCP-like) network. */
class SimNetworkContractTest extends NetworkContractTest {
    @Override
    protected NetSemantics semantics() {
        return NetSemantics.RELIABLE;
    }

    @Override
    protected TestCluster<Probe.Num> start(int servers, Set<Integer> down, Options options) {
        SimConfig cfg = SimConfig.of(servers, 17).withNet(semantics()).withDelay(1, 25).withOptions(options);
        return new SimCluster<>(new Probe(), cfg, down);
    }
}
