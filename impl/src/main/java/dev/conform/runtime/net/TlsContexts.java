package dev.conform.runtime.net;

import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;

/**
 * Mutual TLS 1.3 contexts from one {@link TlsCredentials.Identity}: each side presents its
 * certificate and accepts only certificates chaining to the cluster CA. Host names are not checked
 * (nodes listen on loopback ports; certificates name node ids): instead, once the handshake is
 * done, the transport checks the peer's CN against the id it dialled or the ids it claims
 * ({@link PeerIdentity}).
 */
final class TlsContexts {
    static final String PROTOCOL = "TLSv1.3";
    /** ALPN name QUIC requires; both sides must agree on it. */
    static final String ALPN = "conform/1";

    private TlsContexts() {
    }

    static SslContext tcpServer(TlsCredentials.Identity id) throws SSLException {
        return SslContextBuilder.forServer(id.key(), id.certificate()).trustManager(id.ca())
                .clientAuth(ClientAuth.REQUIRE).protocols(PROTOCOL).sslProvider(SslProvider.JDK).build();
    }

    static SslContext tcpClient(TlsCredentials.Identity id) throws SSLException {
        return SslContextBuilder.forClient().keyManager(id.key(), id.certificate()).trustManager(id.ca())
                .endpointIdentificationAlgorithm(null).protocols(PROTOCOL).sslProvider(SslProvider.JDK).build();
    }

    static QuicSslContext quicServer(TlsCredentials.Identity id, Rejections rejections) {
        return QuicSslContextBuilder.forServer(id.key(), null, id.certificate())
                .trustManager(ClusterTrust.of(id.ca(), rejections))
                .clientAuth(ClientAuth.REQUIRE).applicationProtocols(ALPN).build();
    }

    static QuicSslContext quicClient(TlsCredentials.Identity id, Rejections rejections) {
        return QuicSslContextBuilder.forClient().keyManager(id.key(), null, id.certificate())
                .trustManager(ClusterTrust.of(id.ca(), rejections))
                .endpointIdentificationAlgorithm(null).applicationProtocols(ALPN).build();
    }
}
