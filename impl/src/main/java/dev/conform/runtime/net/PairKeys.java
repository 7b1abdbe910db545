package dev.conform.runtime.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The UDP transport's pre-shared keys: one HMAC-SHA256 key per pair of members, and one per
 * member shared with the client identity (every non-member process with an id from
 * {@link ClientIds}, i.e. at least {@link ClientIds#FIRST}). {@link #create} derives them all from
 * a fresh random master secret that is never written down, and writes each member's row alone to
 * {@code node-<id>.keys} and the client's row to {@code client.keys}: a process can authenticate
 * only as itself (or as a client), because no file holds a key of a pair it is not part of.
 *
 * <p>Files are text, one {@code <kind> <id> <base64 key>} line each ({@code peer}, {@code node})
 * or {@code client <base64 key>}; they are owner-only ({@link OwnerOnly}). Keys never leave this
 * class except as {@link Mac}s, and nothing here prints them.
 */
public final class PairKeys {
    private static final String ALGORITHM = "HmacSHA256";
    /** A member's or a client's keys: by the other end's id, and (for members) the client identity's. */
    private final Map<Integer, SecretKeySpec> byPeer;
    private final SecretKeySpec clientKey;

    private PairKeys(Map<Integer, SecretKeySpec> byPeer, SecretKeySpec clientKey) {
        this.byPeer = Map.copyOf(byPeer);
        this.clientKey = clientKey;
    }

    /**
     * Writes the key rows of members {@code nodeIds} into {@code dir} (made owner-only); an earlier
     * cluster's rows there are replaced.
     */
    public static void create(Path dir, Collection<Integer> nodeIds) throws IOException {
        OwnerOnly.directory(dir);
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        try {
            List<Integer> ids = List.copyOf(new TreeSet<>(nodeIds));
            StringBuilder client = new StringBuilder();
            for (int a : ids) {
                StringBuilder row = new StringBuilder();
                for (int b : ids) {
                    if (a != b) {
                        row.append("peer ").append(b).append(' ').append(derive(master, pairLabel(a, b))).append('\n');
                    }
                }
                String ck = derive(master, "conform-udp-client:" + a);
                row.append("client ").append(ck).append('\n');
                client.append("node ").append(a).append(' ').append(ck).append('\n');
                OwnerOnly.write(dir.resolve("node-" + a + ".keys"), row.toString().getBytes(StandardCharsets.US_ASCII));
            }
            OwnerOnly.write(dir.resolve("client.keys"), client.toString().getBytes(StandardCharsets.US_ASCII));
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    private static String pairLabel(int a, int b) {
        return "conform-udp-pair:" + Math.min(a, b) + ":" + Math.max(a, b);
    }

    private static String derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(master, ALGORITHM));
            return Base64.getEncoder().encodeToString(mac.doFinal(label.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Member {@code id}'s row, from {@code <credentials>/hmac/node-<id>.keys}. */
    public static PairKeys forNode(Path credentials, int id) throws IOException {
        return read(credentials.resolve("hmac").resolve("node-" + id + ".keys"));
    }

    /** The client identity's row, from {@code <credentials>/hmac/client.keys}. */
    public static PairKeys forClient(Path credentials) throws IOException {
        return read(credentials.resolve("hmac").resolve("client.keys"));
    }

    private static PairKeys read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IOException("no UDP key file " + file);
        }
        Map<Integer, SecretKeySpec> byPeer = new TreeMap<>();
        SecretKeySpec client = null;
        int n = 0;
        for (String line : lines) {
            n++;
            String[] p = line.trim().split(" ");
            try {
                if (p.length == 3 && (p[0].equals("peer") || p[0].equals("node"))) {
                    byPeer.put(Integer.parseInt(p[1]), key(p[2]));
                } else if (p.length == 2 && p[0].equals("client")) {
                    client = key(p[1]);
                } else if (!line.isBlank()) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                // never echo the line: it holds a key
                throw new IOException(file + ":" + n + ": not a key line");
            }
        }
        return new PairKeys(byPeer, client);
    }

    private static SecretKeySpec key(String base64) {
        byte[] k = Base64.getDecoder().decode(base64);
        if (k.length != 32) {
            throw new IllegalArgumentException();
        }
        return new SecretKeySpec(k, ALGORITHM);
    }

    /**
     * A fresh MAC keyed for the pair (this process, {@code other}), or null when this process
     * shares no key with {@code other}: not a member it knows, and not a client id it may accept.
     */
    public Mac macFor(int other) {
        SecretKeySpec k = byPeer.get(other);
        if (k == null && clientKey != null && other >= ClientIds.FIRST) {
            k = clientKey;
        }
        if (k == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(k);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "PairKeys" + byPeer.keySet() + (clientKey == null ? "" : "+client");
    }
}
