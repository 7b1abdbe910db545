package dev.conform.bench;

import dev.conform.runtime.net.FrameCodec;
import dev.conform.runtime.net.QuicTransport;
import dev.conform.runtime.net.Transport;
import dev.conform.runtime.net.TransportKind;
import dev.conform.runtime.net.Transports;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

/**
 * The transport configurations {@link TransportBench} compares, each opened through the
 * production factory ({@link Transports}) with the credentials {@code cluster start} makes.
 */
enum BenchLink {
    /** TCP without TLS: the baseline every ratio is taken against. */
    TCP_PLAIN("tcp plain"),
    /** TCP with mutual TLS 1.3, as every cluster runs it. */
    TCP_TLS("tcp+tls"),
    /** UDP, one datagram per frame, per-pair HMAC-SHA256. */
    UDP_HMAC("udp+hmac"),
    /** QUIC, one stream per link (the default). */
    QUIC("quic"),
    /** QUIC, one stream per link and message type. */
    QUIC_PER_TYPE("quic/type");

    final String label;

    BenchLink(String label) {
        this.label = label;
    }

    /** Node {@code self}'s transport among {@code peers}, authenticated with {@code credentials} (except TCP plain). */
    Transport open(int self, Map<Integer, InetSocketAddress> peers, FrameCodec codec, Path credentials) {
        return switch (this) {
            case TCP_PLAIN -> Transports.open(TransportKind.TCP, self, peers, codec, null);
            case TCP_TLS -> Transports.open(TransportKind.TCP, self, peers, codec, credentials);
            case UDP_HMAC -> Transports.open(TransportKind.UDP, self, peers, codec, credentials);
            case QUIC -> Transports.openQuic(self, peers, codec, credentials, QuicTransport.Streams.PER_PEER);
            case QUIC_PER_TYPE -> Transports.openQuic(self, peers, codec, credentials,
                    QuicTransport.Streams.PER_MESSAGE_TYPE);
        };
    }
}
