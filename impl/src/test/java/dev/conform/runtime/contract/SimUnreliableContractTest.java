package dev.conform.runtime.contract;

import dev.conform.runtime.NetSemantics;

/** The network contract on the simulator's unreliable (UDP-like) network. */
class SimUnreliableContractTest extends SimNetworkContractTest {
    @Override
    protected NetSemantics semantics() {
        return NetSemantics.UNRELIABLE;
    }
}
