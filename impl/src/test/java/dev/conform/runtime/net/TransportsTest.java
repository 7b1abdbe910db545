package dev.conform.runtime.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transports fail closed on bad credentials, with a message that names the file and never its content. */
class TransportsTest {
    private static final FrameCodec CODEC = new FrameCodec(Map.of());
    private static final Map<Integer, InetSocketAddress> ONE = Map.of(1, new InetSocketAddress("127.0.0.1", 0));

    @TempDir
    Path dir;

    @Test
    void quicWithoutCredentialsDoesNotStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Transports.open(TransportKind.QUIC, 1, ONE, CODEC, null));
        assertTrue(e.getMessage().contains("quic needs --credentials"), e.getMessage());
    }

    @Test
    void aQuicNodeWithoutCredentialsIsRefusedAsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NodeArgs.parse(new String[]{
                "--algorithm", "raft", "--id", "1", "--peers", "1=127.0.0.1:0", "--data", dir.toString(),
                "--transport", "quic"}));
        assertTrue(e.getMessage().contains("--transport quic needs --credentials"), e.getMessage());
    }

    @Test
    void aMissingOrDamagedKeyIsNamedNotShown() throws Exception {
        Path creds = dir.resolve("credentials");
        ClusterCredentials.create(creds, List.of(1));
        Path key = creds.resolve("tls/node-1.key");
        String secret = Files.readAllLines(key).get(1);
        Files.delete(key);
        for (TransportKind kind : List.of(TransportKind.TCP, TransportKind.QUIC)) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> Transports.open(kind, 1, ONE, CODEC, creds));
            assertTrue(e.getMessage().contains("node-1.key"), e.getMessage());
        }
        OwnerOnly.write(key, ("-----BEGIN PRIVATE KEY-----\n" + secret.substring(0, 20) + "\n-----END PRIVATE KEY-----\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        RuntimeException e = assertThrows(RuntimeException.class, () -> Transports.open(TransportKind.TCP, 1, ONE, CODEC, creds));
        assertTrue(e.getMessage().contains("node-1.key"), e.getMessage());
        assertFalse(e.getMessage().contains(secret.substring(0, 20)), "the key's content is not in the message");
    }
}
