package dev.conform.runtime.net;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A client's TCP: one connection per server, 4-byte length-prefixed frames; answers come back on
 * the connection the request went out on (see {@link NettyTransport}).
 */
final class TcpClientWire implements ClientWire {
    private static final int MAX_FRAME = 16 << 20;

    private final Map<Integer, InetSocketAddress> servers;
    private final Path ports;
    private final int connectTimeoutMillis;
    private final Map<Integer, Socket> connections = new HashMap<>();

    TcpClientWire(Map<Integer, InetSocketAddress> servers, Path ports, int connectTimeoutMillis) {
        this.servers = servers;
        this.ports = ports;
        this.connectTimeoutMillis = connectTimeoutMillis;
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
