package dev.conform.cli.toy;

/** {@link PingAlgorithm} under another name, for which no Java invariants are registered. */
public final class UncheckedPingAlgorithm extends PingAlgorithm {
    @Override
    public String name() {
        return "ping-unchecked";
    }
}
