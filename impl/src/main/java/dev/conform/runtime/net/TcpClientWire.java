package dev.conform.runtime.net;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * A client's TCP: one connection per server, 4-byte length-prefixed frames; answers come back on
 * the connection the request went out on (see {@link NettyTransport}). With the cluster's client
 * identity every connection is TLS 1.3: the client presents its certificate and keeps a connection
 * only if the server's certificate chains to the cluster CA and names the server dialled.
 */
final class TcpClientWire implements ClientWire {
    private static final int MAX_FRAME = 16 << 20;

    private final Map<Integer, InetSocketAddress> servers;
    private final Path ports;
    private final int connectTimeoutMillis;
    private final Map<Integer, Socket> connections = new HashMap<>();
    private final SSLContext tls;

    /** {@code identity} null: plain TCP (clusters without credentials). */
    TcpClientWire(Map<Integer, InetSocketAddress> servers, Path ports, int connectTimeoutMillis,
                  TlsCredentials.Identity identity) {
        this.servers = servers;
        this.ports = ports;
        this.connectTimeoutMillis = connectTimeoutMillis;
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

    /** Wraps a connected socket in TLS and checks that the server is node {@code to}. */
    private Socket secure(Socket s, InetSocketAddress addr, int to) throws IOException {
        SSLSocket ss = (SSLSocket) tls.getSocketFactory().createSocket(s, addr.getHostString(), addr.getPort(), true);
        ss.setEnabledProtocols(new String[]{TlsContexts.PROTOCOL});
        ss.setSoTimeout(connectTimeoutMillis);
        ss.startHandshake();
        PeerIdentity who = PeerIdentity.of(ss.getSession());
        if (who == null || !who.isNode(to)) {
            throw new IOException("server " + to + " presented a certificate for " + (who == null ? "no one" : who.commonName()));
        }
        return ss;
    }

    @Override
    public void send(int to, byte[] bytes) throws IOException {
        DataOutputStream out = new DataOutputStream(connection(to).getOutputStream());
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    /** A timed-out read may have consumed part of a frame: the caller resets the connection. */
    @Override
    public byte[] receive(int from, long timeoutMillis) throws IOException {
        Socket s = connections.get(from);
        if (s == null) {
            return null;
        }
        s.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMillis)));
        DataInputStream in = new DataInputStream(s.getInputStream());
        int len = in.readInt();
        if (len < 0 || len > MAX_FRAME) {
            throw new IOException("bad frame length " + len);
        }
        byte[] bytes = new byte[len];
        in.readFully(bytes);
        return bytes;
    }

    private Socket connection(int to) throws IOException {
        Socket s = connections.get(to);
        if (s != null && !s.isClosed()) {
            return s;
        }
        InetSocketAddress addr = ClientWire.address(servers, ports, to);
        s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(addr, connectTimeoutMillis);
            if (tls != null) {
                s = secure(s, addr, to);
            }
        } catch (IOException e) {
            s.close();
            throw e;
        }
        connections.put(to, s);
        return s;
    }

    @Override
    public void reset(int server) {
        Socket s = connections.remove(server);
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        for (int s : List.copyOf(connections.keySet())) {
            reset(s);
        }
    }
}
