package dev.conform.runtime.net;

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
}
