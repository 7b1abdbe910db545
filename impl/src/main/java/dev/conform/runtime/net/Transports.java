package dev.conform.runtime.net;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.NetSemantics;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

/** Opens the {@link Transport} a node runs on: the one place that maps a {@link TransportKind} to a class. */
public final class Transports {
    private Transports() {
    }

    /**
     * A transport for node {@code self} among {@code peers}. {@code credentials} is the cluster's
     * credentials folder (keys and certificates made by {@code conform cluster start}); null runs
     * without peer authentication, which only in-process tests do.
     */
    public static Transport open(TransportKind kind, int self, Map<Integer, InetSocketAddress> peers,
                                 FrameCodec codec, Path credentials) {
        return switch (kind) {
            case TCP -> new NettyTransport(self, peers, codec);
            case UDP -> UdpTransport.open(self, peers, codec, credentials);
            case QUIC -> throw new IllegalArgumentException("transport " + kind.wireName() + " is not available");
        };
    }

    /**
     * Throws IllegalArgumentException when {@code algorithm} cannot run over {@code kind}: UDP
     * loses, duplicates and reorders, so only algorithms written for an unreliable network
     * ({@link Algorithm#defaultNet()} UNRELIABLE: they retransmit what they need and tolerate
     * copies) run over it. TCP and QUIC carry every algorithm.
     */
    public static void requireSupport(Algorithm<?> algorithm, TransportKind kind) {
        if (kind == TransportKind.UDP && algorithm.defaultNet() != NetSemantics.UNRELIABLE) {
            throw new IllegalArgumentException("algorithm " + algorithm.name() + " is written for a reliable network"
                    + " (it does not retransmit what UDP loses): run it over tcp or quic");
        }
    }
}
