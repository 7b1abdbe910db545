package dev.conform.runtime.net;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * Client links over TCP: 4-byte length-prefixed frames on a plain socket, or, with an identity,
 * on a TLS 1.3 socket that presents the client certificate and keeps the link only if the server's
 * certificate names the server dialled ({@link PeerIdentity}).
 */
final class TcpClientLinks implements ClientLinks {
    private static final int MAX_FRAME = 16 << 20;
    private final SSLContext tls;

    /** {@code identity} null: plain TCP. */
    TcpClientLinks(TlsCredentials.Identity identity) {
        this.tls = identity == null ? null : context(identity);
    }

    private static SSLContext context(TlsCredentials.Identity id) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] none = new char[0];
            ks.setKeyEntry(id.name(), id.key(), none, new java.security.cert.Certificate[]{id.certificate()});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, none);
            SSLContext c = SSLContext.getInstance(TlsContexts.PROTOCOL);
            c.init(kmf.getKeyManagers(), new TrustManager[]{ClusterTrust.of(id.ca(), new Rejections("client"))}, null);
            return c;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up the client's TLS: " + e.getMessage());
        }
    }

    @Override
    public Link open(int server, InetSocketAddress address, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(address, timeoutMillis);
            if (tls != null) {
                SSLSocket ss = (SSLSocket) tls.getSocketFactory().createSocket(s, address.getHostString(), address.getPort(), true);
                ss.setEnabledProtocols(new String[]{TlsContexts.PROTOCOL});
                ss.setSoTimeout(timeoutMillis);
                ss.startHandshake();
                PeerIdentity who = PeerIdentity.of(ss.getSession());
                if (who == null || !who.isNode(server)) {
                    throw new IOException("server " + server + " presented a certificate for "
                            + (who == null ? "no one" : who.commonName()));
                }
                s = ss;
            }
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return new SocketLink(s);
    }

    @Override
    public void close() {
    }

    private record SocketLink(Socket socket) implements Link {
        @Override
        public void write(byte[] frame) throws IOException {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(frame.length);
            out.write(frame);
            out.flush();
        }

        @Override
        public byte[] read(long timeoutMillis) throws IOException {
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMillis)));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int len = in.readInt();
            if (len < 0 || len > MAX_FRAME) {
                throw new IOException("bad frame length " + len);
            }
            byte[] bytes = new byte[len];
            in.readFully(bytes);
            return bytes;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
