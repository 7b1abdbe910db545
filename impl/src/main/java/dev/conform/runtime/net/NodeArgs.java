package dev.conform.runtime.net;

import dev.conform.runtime.Options;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command-line arguments of {@link NodeProcess}:
 * {@code --algorithm A --id N --peers 1=127.0.0.1:7001,2=127.0.0.1:7002 --data DIR
 * [--trace FILE] [--ports DIR] [--option K=V]... [--flaw F]... [--tick-ms 10] [--seed S]
 * [--transport tcp|udp|quic] [--credentials DIR]}.
 * Port 0 in {@code --peers} is resolved through the port files in {@code --ports} ({@link PortFiles}).
 */
record NodeArgs(String algorithm, int id, Map<Integer, InetSocketAddress> peers, Path data, Path trace,
                Path ports, Options options, long tickMillis, long seed, TransportKind transport, Path credentials) {

    static NodeArgs parse(String[] args) {
        String algorithm = null;
        Integer id = null;
        Map<Integer, InetSocketAddress> peers = null;
        Path data = null;
        Path trace = null;
        Path ports = null;
        Options options = Options.empty();
        List<String> flaws = new ArrayList<>();
        long tick = 10;
        long seed = 1;
        TransportKind transport = TransportKind.TCP;
        Path credentials = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--algorithm" -> algorithm = v;
                case "--id" -> id = Integer.parseInt(v);
                case "--peers" -> peers = peers(v);
                case "--data" -> data = Path.of(v);
                case "--trace" -> trace = Path.of(v);
                case "--ports" -> ports = Path.of(v);
                case "--option" -> {
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--option wants KEY=VALUE, got " + v);
                    }
                    options = options.with(v.substring(0, eq), v.substring(eq + 1));
                }
                case "--flaw" -> flaws.add(v);
                case "--tick-ms" -> tick = Long.parseLong(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--transport" -> transport = TransportKind.fromWire(v);
                case "--credentials" -> credentials = Path.of(v);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        if (algorithm == null || id == null || peers == null || data == null) {
            throw new IllegalArgumentException("need --algorithm, --id, --peers and --data");
        }
        if (!peers.containsKey(id)) {
            throw new IllegalArgumentException("--peers has no address for node " + id);
        }
        if (transport != TransportKind.TCP && credentials == null) {
            // fail closed: UDP without its pair keys would accept any datagram, and QUIC has no
            // unauthenticated mode at all (its TLS needs the node's certificate)
            throw new IllegalArgumentException("--transport " + transport.wireName() + " needs --credentials"
                    + " (the cluster's keys and certificates, made by conform cluster start)");
        }
        for (String f : flaws) {
            options = options.withFlaw(f);
        }
        return new NodeArgs(algorithm, id, peers, data, trace, ports, options, tick, seed, transport, credentials);
    }

    /** Parses {@code 1=host:port,2=host:port}. */
    static Map<Integer, InetSocketAddress> peers(String s) {
        Map<Integer, InetSocketAddress> out = new TreeMap<>();
        for (String part : s.split(",")) {
            int eq = part.indexOf('=');
            int colon = part.lastIndexOf(':');
            if (eq <= 0 || colon <= eq) {
                throw new IllegalArgumentException("peer must be ID=HOST:PORT, got " + part);
            }
            out.put(Integer.parseInt(part.substring(0, eq).trim()),
                    new InetSocketAddress(part.substring(eq + 1, colon), Integer.parseInt(part.substring(colon + 1))));
        }
        return out;
    }
}
