package dev.conform.runtime.net;

import java.io.IOException;
import java.io.UncheckedIOException;
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
            case TCP -> new NettyTransport(self, peers, codec, credentials == null ? null : tls(credentials, self));
            case QUIC -> openQuic(self, peers, codec, credentials, QuicTransport.Streams.PER_PEER);
            case UDP -> UdpTransport.open(self, peers, codec, credentials);
        };
    }

    /** A QUIC transport as {@link #open} makes it, spreading each link's frames over streams as {@code streams} says. */
    public static QuicTransport openQuic(int self, Map<Integer, InetSocketAddress> peers, FrameCodec codec,
                                         Path credentials, QuicTransport.Streams streams) {
        return new QuicTransport(self, peers, codec, tls(requireCredentials(TransportKind.QUIC, credentials), self), streams);
    }

    /** The cluster's client identity (certificate and key for non-members) from {@code credentials}. */
    static TlsCredentials.Identity clientIdentity(Path credentials) {
        try {
            return TlsCredentials.load(credentials.resolve("tls"), TlsCredentials.CLIENT);
        } catch (IOException e) {
            throw new IllegalStateException("client: " + e.getMessage(), e);
        }
    }

    /** Node {@code self}'s TLS identity from the credentials folder; fails naming the file, never its content. */
    static TlsCredentials.Identity tls(Path credentials, int self) {
        try {
            return TlsCredentials.load(credentials.resolve("tls"), TlsCredentials.nodeName(self));
        } catch (IOException e) {
            throw new UncheckedIOException("node " + self + ": " + e.getMessage(), e);
        }
    }

    private static Path requireCredentials(TransportKind kind, Path credentials) {
        if (credentials == null) {
            throw new IllegalArgumentException(kind.wireName() + " needs --credentials (TLS is part of the protocol)");
        }
        return credentials;
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
